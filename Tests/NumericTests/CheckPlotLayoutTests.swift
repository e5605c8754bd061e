import Foundation
import Testing
@testable import Numeric

/// The check plot's labels (docs/check.md, "Output"): no two horizontal text boxes overlap and
/// every one stays on the canvas, for the shapes of report the tool produces (three estimators,
/// all four, one estimator, a narrow n range, an incomplete sweep); and, where `rsvg-convert`
/// is installed, the SVG renders.
struct CheckPlotLayoutTests {
    static func reports() -> [(String, CheckReport)] {
        let three = CheckFixtures.settings()
        let four = CheckFixtures.settings(estimators: [.ssm, .transformer, .fnn, .oracle])
        let one = CheckFixtures.settings(estimators: [.oracle], sizes: [512, 1024, 2048])
        var narrow = CheckFixtures.settings(sizes: [1000, 1200, 1400])
        narrow.oracleSizesBelow = 3
        let incomplete = CheckFixtures.settings()
        return [
            ("three", CheckFixtures.report(three, CheckFixtures.records(three, exponents: [.ssm: 0.3, .transformer: 0.35, .oracle: 0.55]))),
            ("four", CheckFixtures.report(four, CheckFixtures.records(four, exponents: [.fnn: 0.05]))),
            ("one", CheckFixtures.report(one, CheckFixtures.records(one, exponents: [:]))),
            ("narrow", CheckFixtures.report(narrow, CheckFixtures.records(narrow, exponents: [:], logNoise: 0.05))),
            ("incomplete", CheckFixtures.report(incomplete, Array(CheckFixtures.records(incomplete, exponents: [:]).dropLast(5)))),
        ]
    }

    @Test func labelsDoNotOverlapAndStayOnTheCanvas() {
        for (name, report) in Self.reports() {
            let writer = report.svgWriter()
            let boxes = writer.textBoxes
            for box in boxes {
                #expect(box.x.lowerBound >= 0 && box.x.upperBound <= writer.width, "\(name): '\(box.text)' leaves the canvas")
                #expect(box.y.lowerBound >= 0 && box.y.upperBound <= writer.height, "\(name): '\(box.text)' leaves the canvas")
            }
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    let a = boxes[i], b = boxes[j]
                    let overlap = a.x.overlaps(b.x) && a.y.overlaps(b.y)
                    #expect(!overlap, "\(name): '\(a.text)' overlaps '\(b.text)'")
                }
            }
        }
    }

    @Test func plotsRenderWhereRsvgConvertIsInstalled() throws {
        let tool = "/usr/bin/rsvg-convert"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return }
        let directory = try CheckFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, report) in Self.reports() {
            let svg = directory.appendingPathComponent("\(name).svg"), png = directory.appendingPathComponent("\(name).png")
            try report.svg().write(to: svg, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = [svg.path, "-o", png.path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(name): rsvg-convert failed")
            let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(name): empty PNG")
        }
    }
}
