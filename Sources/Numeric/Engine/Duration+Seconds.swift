extension Duration {
    /// The duration in seconds, `seconds + attoseconds · 10⁻¹⁸`, as a `Double` (for printing timings).
    public var inSeconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
