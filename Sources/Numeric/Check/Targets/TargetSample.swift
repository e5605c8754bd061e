/// A sample of sequences with the target's values (docs/check.md): row `r = i·(L − t₀) + (t − t₀)` is
/// sequence i at position `t ≥ t₀`.
public struct TargetSample: Sendable {
    /// Float inputs `count × length × d`; Float noisy targets `count × length` (0 where `t < t₀`);
    /// `firstTargetPosition = t₀`.
    public var dataset: SequenceDataset
    /// `count × length` noiseless values `g(z)` (0 where `t < t₀`).
    public var clean: [Double]
    /// `rows × K`: the inputs z of g at every target position, row-major.
    public var coordinates: [Double]
    /// `y_r = g(z_r) + σ ξ_r` in Float64 (`dataset.targets` are these rounded to Float).
    public var noisy: [Double]
    /// `count · (length − t₀)`.
    public var rows: Int

    /// Creates a sample from its parts.
    public init(dataset: SequenceDataset, clean: [Double], coordinates: [Double], noisy: [Double], rows: Int) {
        self.dataset = dataset
        self.clean = clean
        self.coordinates = coordinates
        self.noisy = noisy
        self.rows = rows
    }
}
