import Testing
@testable import Notes

/// The ``NotesError`` that `body` throws, or nil when it throws none (another error is
/// recorded as an issue).
func notesError(_ body: () throws -> Void) -> NotesError? {
    do {
        try body()
        return nil
    } catch let error as NotesError {
        return error
    } catch {
        Issue.record("unexpected \(error)")
        return nil
    }
}
