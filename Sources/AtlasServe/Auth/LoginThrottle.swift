import Foundation

/// Slows down guessing of the clinician token: a client gets `perClient` failed logins per
/// window, and all clients together `overall`, after which logins are refused until the
/// window has passed.
actor LoginThrottle {
    let perClient: Int
    let overall: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]
    private var allFailures: [Date] = []

    init(perClient: Int = 5, overall: Int = 50, window: TimeInterval = 15 * 60) {
        self.perClient = perClient
        self.overall = overall
        self.window = window
    }

    /// Seconds to wait before `client` may try again, or nil when it may try now.
    func retryAfter(client: String, now: Date = Date()) -> Int? {
        prune(now)
        let mine = failures[client] ?? []
        if mine.count >= perClient, let oldest = mine.first { return wait(from: oldest, now: now) }
        if allFailures.count >= overall, let oldest = allFailures.first { return wait(from: oldest, now: now) }
        return nil
    }

    func recordFailure(client: String, now: Date = Date()) {
        failures[client, default: []].append(now)
        allFailures.append(now)
    }

    func recordSuccess(client: String) {
        failures[client] = nil
    }

    private func wait(from oldest: Date, now: Date) -> Int {
        max(1, Int((oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
    }

    private func prune(_ now: Date) {
        let cutoff = now.addingTimeInterval(-window)
        allFailures.removeAll { $0 < cutoff }
        for (client, times) in failures {
            let kept = times.filter { $0 >= cutoff }
            failures[client] = kept.isEmpty ? nil : kept
        }
    }
}
