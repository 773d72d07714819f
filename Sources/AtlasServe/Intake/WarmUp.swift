import AtlasCompare
import AtlasModel

extension IntakeApp {
    /// Compares one small stroke on the clinic's chart, so that the chart's masks are
    /// ready before the first patient sends a drawing.
    func warmUp() async {
        guard let chart = try? await ClinicSettings.load(store).chart, let view = chart.views.first else { return }
        let stroke = DrawnStroke(view: view, symptom: .pain, width: 40, points: [Point(0, 900), Point(0, 1000)])
        _ = try? await comparisons.compare(CheckedDrawing(chart: chart, code: "warm-1", strokes: [stroke]), name: "warm-up")
    }
}
