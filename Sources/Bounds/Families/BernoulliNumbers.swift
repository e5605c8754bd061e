/// Exact Bernoulli numbers `B_0 = 1, B_1 = −1/2, B_2 = 1/6, …` from the recurrence
/// `Σ_{k=0}^{n} C(n+1, k) B_k = 0` (n ≥ 1).
enum BernoulliNumbers {
    /// `[B_0, …, B_count−1]`.
    static func first(_ count: Int) -> [Rational] {
        var numbers: [Rational] = [.one]
        for n in 1..<max(count, 1) {
            var sum = Rational.zero
            var binomial = BigInt(1) // C(n+1, 0)
            for k in 0..<n {
                sum += Rational(binomial) * numbers[k]
                binomial = (binomial * BigInt(n + 1 - k)).floorDivided(by: BigInt(k + 1))
            }
            numbers.append(-sum / (n + 1))
        }
        return Array(numbers.prefix(count))
    }

    /// `B_{2j}` for j = 0…m (cached per call).
    static func even(upTo m: Int) -> [Rational] {
        let all = first(2 * m + 1)
        return (0...m).map { all[2 * $0] }
    }
}
