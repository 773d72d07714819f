import AtlasModel

/// Mark pixels of a drawing counted per cell of the template's page grid, through the
/// registration: one pass over the drawing.
struct MarkTally {
    /// Per page cell, per symptom (`Symptom.allCases` order): how many mark pixels.
    var counts: [Float]
    /// The page cells holding any count.
    var touched: [Int] = []
    /// Mark pixels inside the body panels (on the body or beside it).
    var panelPixels = 0
    /// Mark pixels on a body.
    var bodyPixels = 0
    /// With `dark`: the regions of dark strokes read by their texture (`DarkTexture`).
    var textures: DarkTexture.Readings?

    /// How far from every printed line (in the reference's ink-field units) a dark stroke must
    /// lie to count as a mark: 5.5 body millimetres, at least 0.85 mm of paper and at least two
    /// and a half pixels of the drawing, so that a printed line blurred by a photo, a scan or a
    /// small image does not turn into a mark. The overlay paints dark strokes by the same rule.
    /// (It was 8 body mm and 1 mm of paper: on the four-view chart that dropped a 12 mm strip
    /// of body beside every line, most of a narrow leg band drawn in black pen, and a photo's
    /// thicker strokes then kept more of it than the PNG did. On the tuning set the smaller
    /// limit raised photo/PNG agreement from 0.95 to 0.97 and top-3 from 0.964 to 0.968; blank
    /// charts still read blank.)
    static func printedLineLimit(_ fit: TemplateFit) -> Float {
        let reference = fit.reference
        let pixels = drawingPixels / max(fit.similarity.scale, 1e-6)
        return Float(max(bodyLimit * reference.scale, paperLimit * reference.pixelsPerMillimetre, pixels) * TemplateReference.inkFactor)
    }
    static let bodyLimit = 5.5, paperLimit = 0.85, drawingPixels = 2.5

    /// How far from every printed line a dark stroke must lie to be read for its texture
    /// (`DarkTexture`): only off the printed line itself (0.4 mm of paper, at least two and a
    /// half pixels of the drawing). The wider `printedLineLimit` cut a numbness line across a
    /// narrow leg into stubs too short to read as lines, and broke circles near the outline.
    static func textureLimit(_ fit: TemplateFit) -> Float {
        let pixels = drawingPixels / max(fit.similarity.scale, 1e-6)
        return Float(max(0.4 * fit.reference.pixelsPerMillimetre, pixels) * TemplateReference.inkFactor)
    }

    /// Counts coloured marks, or with `dark`, dark strokes (`PixelKind.darkInk`) well away
    /// from anything printed, read as pain; their texture is read too (`DarkTexture`), for a
    /// note only.
    init(drawing: ClassifiedDrawing, fit: TemplateFit, dark: Bool) {
        let reference = fit.reference
        let similarity = fit.similarity
        let f = TemplateReference.gridFactor
        let symptoms = Symptom.allCases.count
        let wanted: ClosedRange<UInt8> = dark
            ? PixelKind.darkInk.rawValue...PixelKind.darkInk.rawValue : PixelKind.pain.rawValue...PixelKind.pinsAndNeedles.rawValue
        // The map from drawing to reference pixels is separable: precompute both axes.
        let referenceX = (0..<drawing.width).map { similarity.pivot.x + (Double($0) + 0.5 - similarity.position.x) / similarity.scale }
        let referenceY = (0..<drawing.height).map { similarity.pivot.y + (Double($0) + 0.5 - similarity.position.y) / similarity.scale }
        let pageX = referenceX.map { Int(($0 * f).rounded(.down)) }
        let pageY = referenceY.map { Int(($0 * f).rounded(.down)) }
        let printedLimit = Self.printedLineLimit(fit)
        let inkFactor = TemplateReference.inkFactor
        let (pageWidth, pageHeight) = (reference.pageWidth, reference.pageHeight)
        var counts = [Float](repeating: 0, count: pageWidth * pageHeight * symptoms)
        var touched: [Int] = []
        var panelPixels = 0, bodyPixels = 0
        // Dark strokes on the bodies, kept to be read by texture before they are counted.
        var darkPages: [Int] = [], texturePixels: [Int] = []
        let textureLimit = Self.textureLimit(fit)
        var textures: DarkTexture.Readings?
        let inPanel = reference.pagePanelCells
        drawing.kinds.withUnsafeBufferPointer { kinds in
            reference.pageCells.withUnsafeBufferPointer { owners in
                for y in 0..<drawing.height {
                    let row = y * drawing.width, gy = pageY[y]
                    guard gy >= 0, gy < pageHeight else { continue }
                    for x in 0..<drawing.width {
                        let raw = kinds[row + x]
                        guard wanted.contains(raw) else { continue }
                        let gx = pageX[x]
                        guard gx >= 0, gx < pageWidth else { continue }
                        let page = gy * pageWidth + gx
                        // Only marks on the body panels count: the printed colour key and notes
                        // in the margins are not drawings of symptoms.
                        guard inPanel[page] else { continue }
                        var counted = true
                        if dark {
                            let d = reference.inkField.value(x: referenceX[x] * inkFactor - 0.5, y: referenceY[y] * inkFactor - 0.5,
                                                             outside: 0)
                            // Read for texture from close beside the printed lines (strokes
                            // whole, even in a narrow leg), counted only from further away.
                            guard d > textureLimit else { continue }
                            // Beside the body too: a circle or line drawn across the outline
                            // (or in a narrow limb's edge cells) is read whole.
                            texturePixels.append(row + x)
                            counted = d > printedLimit
                        }
                        guard counted else { continue }
                        panelPixels += 1
                        guard owners[page] >= 0 else { continue }
                        bodyPixels += 1
                        if dark {
                            darkPages.append(page)
                            continue
                        }
                        let symptom = Int(raw - PixelKind.pain.rawValue)
                        if counts[page * symptoms] + counts[page * symptoms + 1] + counts[page * symptoms + 2] == 0 {
                            touched.append(page)
                        }
                        counts[page * symptoms + symptom] += 1
                    }
                }
            }
        }
        if dark {
            let texture = DarkTexture(pixels: texturePixels, width: drawing.width,
                                      pixelsPerMillimetre: reference.pixelsPerMillimetre * similarity.scale)
            // Texture is not reliable enough to score by (one-pen tuning drawings: see
            // DarkTexture): every dark stroke still counts as pain; the reading only words a note.
            for page in darkPages {
                if counts[page * symptoms] == 0 { touched.append(page) }
                counts[page * symptoms] += 1
            }
            textures = texture.regions
        }
        self.textures = textures
        self.counts = counts
        self.touched = touched
        self.panelPixels = panelPixels
        self.bodyPixels = bodyPixels
    }
}
