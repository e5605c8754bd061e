import Foundation

/// Learning rate at optimiser step `s` of `S` (docs/training-engine.md "learning-rate schedule"): linear warm-up
/// `η·(s+1)/W` for the first `W = ⌊warmupFraction·S⌋` steps, then cosine decay
/// `η·½(1 + cos(π (s−W)/(S−W)))`.
func scheduledLearningRate(step: Int, totalSteps: Int, warmupSteps: Int, base: Double) -> Double {
    if step < warmupSteps { return base * Double(step + 1) / Double(warmupSteps) }
    let span = max(1, totalSteps - warmupSteps)
    let progress = min(1, Double(step - warmupSteps) / Double(span))
    return base * 0.5 * (1 + Foundation.cos(Double.pi * progress))
}
