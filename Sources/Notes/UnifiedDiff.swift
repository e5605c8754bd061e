/// `--diff`: the edits of a note as a unified diff without context lines (`diff -U0`), which
/// `patch` applies.
public enum UnifiedDiff {
    /// The diff of `edits` to the file at `path` (empty when there are none).
    public static func render(path: String, edits: [NoteEdit]) -> String {
        guard !edits.isEmpty else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var shift = 0
        for edit in edits {
            let newStart = edit.start + shift
            out += "@@ -\(range(edit.start, edit.old.count)) +\(range(newStart, edit.new.count)) @@\n"
            out += edit.old.map { line("-", $0) }.joined()
            out += edit.new.map { line("+", $0) }.joined()
            shift += edit.new.count - edit.old.count
        }
        return out
    }

    /// `start,count` in 1-based lines; an empty range names the line before it.
    static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : "\(start + 1),\(count)"
    }

    static func line(_ sign: String, _ text: String) -> String {
        text.hasSuffix("\n") ? sign + text : sign + text + "\n\\ No newline at end of file\n"
    }
}
