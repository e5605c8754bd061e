import Foundation
import Synchronization

/// Ctrl-C handling for long sweeps: the first SIGINT sets a flag that the runner polls
/// (the run in progress is abandoned, finished runs are kept and reported); a second
/// SIGINT ends the process at once.
enum InterruptFlag {
    private static let raised = Atomic<Bool>(false)

    /// True once SIGINT has arrived.
    static var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// Installs the handler (idempotent).
    static func install() {
        signal(SIGINT) { _ in
            if InterruptFlag.raised.exchange(true, ordering: .relaxed) { _exit(130) }
            let message: StaticString = "\nratecalc: interrupted: finishing with the runs done so far (Ctrl-C again to quit at once)\n"
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
        }
    }
}
