// The public initialisers of SceneText, LegendEntry, SceneLegend, ScenePanel and Scene now
// live in Scene/Scene.swift beside their properties (an extension cannot redeclare the
// synthesised memberwise initialiser).
