import AtlasModel
import AtlasRender

/// Placeholder: the comparison of a patient's drawing with every pattern (issue 6).
public enum Comparison {}
