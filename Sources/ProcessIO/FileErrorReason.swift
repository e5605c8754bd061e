import Foundation

/// The reason of a file-system error as a few words (`No such file or directory`), for
/// one-line messages, instead of Foundation's NSError dump.
public enum FileErrorReason {
    /// The POSIX reason when there is one, else a short description.
    public static func text(of error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "No such file or directory"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "Permission denied"
            case NSFileWriteOutOfSpaceError: return "No space left on device"
            default: break
            }
        }
        return "I/O error (code \(nsError.code))"
    }
}
