/// Runs one ratecalc command line (without the program name) and returns its standard
/// output; throws an error whose description is one line when the command fails.
public typealias NoteRunner = (_ arguments: [String]) throws -> String

/// A replaced run of lines: `old` (at 0-based line `start` of the original) became `new`.
/// Lines carry their own endings.
public struct NoteEdit: Sendable, Equatable {
    /// 0-based index of the first replaced line in the original.
    public let start: Int
    /// The replaced lines.
    public let old: [String]
    /// The lines that replace them.
    public let new: [String]
}

/// What refreshing a note gives.
public struct NotesOutcome: Sendable {
    /// The refreshed text (equal to the input when everything was fresh).
    public let text: String
    /// 1-based lines of the blocks and inline values whose output changed or was missing.
    public let stale: [Int]
    /// 1-based lines of `check` blocks that were not run (no `runChecks`); their old
    /// output is kept.
    public let notRefreshed: [Int]
    /// The changes, in file order (for a diff).
    public let edits: [NoteEdit]
}

/// Refreshes the generated parts of a note (`docs/notes.md`): a pure function of the text,
/// its syntax and a way to run ratecalc, so that `ratecalc notes`, `--check` and `--diff`
/// are the same computation. Text outside the markers is never touched; generated lines
/// get the file's dominant line ending; a second run on the result changes nothing.
public enum NotesProcessor {
    /// Every block and inline value is checked (``NoteOptions``, ``NoteBudget``) before any
    /// runs; after the run, the refreshed text must hold exactly the same blocks and values,
    /// so that no output can add, remove or break one (a note cannot be its own output).
    /// - Throws: ``NotesError`` at the first block or value that cannot be refreshed.
    public static func process(_ text: String, syntax: NoteSyntax, runChecks: Bool = false,
                               run: NoteRunner) throws -> NotesOutcome {
        let lines = NoteLine.split(text)
        let scan = try scan(lines, syntax: syntax)
        let commands = try scan.blocks.map { try NoteCommand(block: $0.arguments, syntax: syntax, line: $0.line) }
        let inlineCommands = try scan.inlines.map { try NoteCommand(inline: $0.arguments, syntax: syntax, line: $0.line) }
        let ending = NoteLine.dominantEnding(lines)
        var edits: [(start: Int, old: [NoteLine], new: [NoteLine], line: Int)] = []
        var notRefreshed: [Int] = []

        for (block, command) in zip(scan.blocks, commands) {
            if command.isCheck && !runChecks {
                notRefreshed.append(block.line + 1)
                continue
            }
            let output = try outputLines(of: command, line: block.line, run: run)
            if let marker = output.first(where: { $0.trimmed == syntax.beginMarker || $0.trimmed == syntax.endMarker }) {
                throw NotesError(line: block.line + 1, message: "the block's output holds the line \(marker.trimmed), which would end its generated part early; nothing was written")
            }
            let padding = syntax == .markdown ? [""] : []
            var generated = ([syntax.beginMarker] + padding + output + padding + [syntax.endMarker])
                .map { NoteLine(content: $0, ending: ending) }
            if let existing = block.generated {
                generated[generated.count - 1].ending = lines[existing.upperBound].ending
                let old = Array(lines[existing])
                if old != generated { edits.append((existing.lowerBound, old, generated, block.line)) }
            } else {
                var anchor = lines[block.anchor]
                if anchor.ending.isEmpty {
                    anchor.ending = ending
                    generated[generated.count - 1].ending = ""
                }
                edits.append((block.anchor, [lines[block.anchor]], [anchor] + generated, block.line))
            }
        }

        let values = try zip(scan.inlines, inlineCommands).map { site, command in
            let output = try outputLines(of: command, line: site.line, run: run)
            guard output.count == 1 else {
                throw NotesError(line: site.line + 1, message: "an inline value must be one line; ratecalc printed \(output.count)")
            }
            return output[0]
        }
        let inlines = zip(scan.inlines, values).map { (site: $0, value: $1) }
        for (line, sites) in Dictionary(grouping: inlines, by: \.site.line).sorted(by: { $0.key < $1.key }) {
            var content = lines[line].content
            for (site, value) in sites.reversed() {
                content.replaceSubrange(site.valueRange, with: site.opener + value + site.closer)
            }
            if content != lines[line].content {
                edits.append((line, [lines[line]], [NoteLine(content: content, ending: lines[line].ending)], line))
            }
        }

        edits.sort { $0.start < $1.start }
        var result: [NoteLine] = []
        var next = 0
        for edit in edits {
            result += lines[next..<edit.start]
            result += edit.new
            next = edit.start + edit.old.count
        }
        result += lines[next...]
        try requireSameStructure(scan, values: values, in: result, syntax: syntax)
        return NotesOutcome(text: NoteLine.join(result), stale: edits.map { $0.line + 1 }.sorted(),
                            notRefreshed: notRefreshed,
                            edits: edits.map { NoteEdit(start: $0.start, old: $0.old.map { $0.content + $0.ending },
                                                        new: $0.new.map { $0.content + $0.ending }) })
    }

    /// The note's blocks and inline values, at most ``NoteBudget/maximumCommands`` of them.
    static func scan(_ lines: [NoteLine], syntax: NoteSyntax) throws -> NoteScan {
        let scan: NoteScan
        switch syntax {
        case .markdown: scan = try MarkdownScanner.scan(lines)
        case .latex: scan = try LaTeXScanner.scan(lines)
        case .typst: scan = try TypstScanner.scan(lines)
        }
        let sites = (scan.blocks.map(\.line) + scan.inlines.map(\.line)).sorted()
        if sites.count > NoteBudget.maximumCommands {
            throw NotesError(line: sites[NoteBudget.maximumCommands] + 1,
                             message: "more than \(NoteBudget.maximumCommands) ratecalc blocks and inline values in one note (this one is number \(NoteBudget.maximumCommands + 1)); split the note")
        }
        return scan
    }

    /// Throws unless `refreshed` has the blocks and inline values of `original`, in order, with
    /// the same arguments, and the inline values read back as `values`: an output that holds
    /// note syntax (a marker, a fence, a value comment, a brace or `%`) would otherwise change
    /// what the next run finds, or grow at every run.
    static func requireSameStructure(_ original: NoteScan, values: [String], in refreshed: [NoteLine], syntax: NoteSyntax) throws {
        let lines = original.blocks.map(\.line) + original.inlines.map(\.line)
        let before = original.blocks.map(\.arguments) + original.inlines.map(\.arguments)
        let again = try? scan(refreshed, syntax: syntax)
        let after = again.map { $0.blocks.map(\.arguments) + $0.inlines.map(\.arguments) }
        let readBack = again?.inlines.map { String(refreshed[$0.line].content[$0.valueRange]) }
        guard let after, after == before, let readBack, readBack == values else {
            let mismatch = after.map { after in before.indices.first { $0 >= after.count || after[$0] != before[$0] } }
                ?? nil
            let valueMismatch = readBack.map { readBack in values.indices.first { $0 >= readBack.count || readBack[$0] != values[$0] } } ?? nil
            let index = mismatch ?? valueMismatch.map { original.blocks.count + $0 } ?? 0
            let line = lines.isEmpty ? 0 : lines[min(index, lines.count - 1)]
            throw NotesError(line: line + 1, message: "a generated output holds ratecalc note syntax (a block, value, marker, brace or comment) that would change the note's blocks; nothing was written")
        }
    }

    /// The command's output as lines (without the final newline), or the failure at `line`.
    static func outputLines(of command: NoteCommand, line: Int, run: NoteRunner) throws -> [String] {
        let output: String
        do {
            output = try run(command.arguments)
        } catch {
            throw NotesError(line: line + 1, message: "\(error)")
        }
        var lines = NoteLine.split(output).map(\.content)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
