import Foundation
import Synchronization

/// Ctrl-C and SIGTERM handling for long sweeps: the first SIGINT or SIGTERM sets a flag
/// that the runner polls (the run in progress is abandoned, finished runs are kept,
/// written and reported); a second signal ends the process at once. The exit status is
/// 128 + the first signal's number: 130 for SIGINT, 143 for SIGTERM.
public enum InterruptFlag {
    private static let raised = Atomic<Int32>(0)

    /// True once SIGINT or SIGTERM has arrived.
    public static var isRaised: Bool { raised.load(ordering: .relaxed) != 0 }

    /// The exit status for the first signal received (130 or 143), nil if none arrived.
    public static var exitStatus: Int32? {
        let signal = raised.load(ordering: .relaxed)
        return signal == 0 ? nil : 128 + signal
    }

    /// Installs the handlers (idempotent).
    public static func install() {
        let handler: @convention(c) (Int32) -> Void = { number in
            let (exchanged, previous) = InterruptFlag.raised.compareExchange(expected: 0, desired: number, ordering: .relaxed)
            if !exchanged { _exit(128 + previous) }
            let message: StaticString = "\nratecalc: interrupted: finishing with the runs done so far (interrupt again to quit at once)\n"
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A parent may have blocked the signals (they are inherited): unblock them.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
