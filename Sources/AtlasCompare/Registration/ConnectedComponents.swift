/// The bounding box of one connected group of set cells.
struct ComponentBox: Sendable, Equatable {
    var minX: Int, minY: Int, maxX: Int, maxY: Int
    var cells: Int
    /// Sums of the cells' x and y, for the centroid.
    var sumX = 0.0, sumY = 0.0

    var width: Int { maxX - minX + 1 }
    /// The mean position of the cells' centres.
    var centroid: (x: Double, y: Double) { (sumX / Double(cells) + 0.5, sumY / Double(cells) + 0.5) }
    var height: Int { maxY - minY + 1 }
}

/// 8-connected components of a bitmap (two passes with union-find), reduced to boxes:
/// each body outline of a chart is one tall component, text and legend are small ones.
enum ConnectedComponents {
    static func boxes(of set: [Bool], width: Int, height: Int) -> [ComponentBox] {
        var labels = [Int32](repeating: -1, count: width * height)
        var parent: [Int32] = []
        func root(_ a: Int32) -> Int32 {
            var a = a
            while parent[Int(a)] != a {
                parent[Int(a)] = parent[Int(parent[Int(a)])]
                a = parent[Int(a)]
            }
            return a
        }
        for y in 0..<height {
            for x in 0..<width where set[y * width + x] {
                var found: Int32 = -1
                // Already-labelled neighbours: left, and the three above.
                for (dx, dy) in [(-1, 0), (-1, -1), (0, -1), (1, -1)] {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, nx < width, ny >= 0 else { continue }
                    let neighbour = labels[ny * width + nx]
                    guard neighbour >= 0 else { continue }
                    if found < 0 {
                        found = root(neighbour)
                    } else {
                        let a = root(found), b = root(neighbour)
                        if a != b { parent[Int(max(a, b))] = min(a, b); found = min(a, b) }
                    }
                }
                if found < 0 {
                    found = Int32(parent.count)
                    parent.append(found)
                }
                labels[y * width + x] = found
            }
        }
        var boxes = [ComponentBox?](repeating: nil, count: parent.count)
        for y in 0..<height {
            for x in 0..<width {
                let label = labels[y * width + x]
                guard label >= 0 else { continue }
                let r = Int(root(label))
                if var box = boxes[r] {
                    box.minX = min(box.minX, x); box.maxX = max(box.maxX, x)
                    box.minY = min(box.minY, y); box.maxY = max(box.maxY, y)
                    box.cells += 1
                    box.sumX += Double(x); box.sumY += Double(y)
                    boxes[r] = box
                } else {
                    boxes[r] = ComponentBox(minX: x, minY: y, maxX: x, maxY: y, cells: 1, sumX: Double(x), sumY: Double(y))
                }
            }
        }
        return boxes.compactMap { $0 }.sorted { ($0.minX, $0.minY) < ($1.minX, $1.minY) }
    }
}
