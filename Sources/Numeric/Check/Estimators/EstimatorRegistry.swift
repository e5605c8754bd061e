/// The estimators of `ratecalc check`, in report order (tables, plots, JSON): the one list
/// (docs/architecture.md, "Adding an estimator"). Salts are never reused: ssm 0, transformer 1,
/// fnn 2, oracle 3, cnn 4, ssm-taps 5; the next estimator takes 6.
public enum EstimatorRegistry {
    /// Every estimator's descriptor, in report order.
    public static let all: [EstimatorDescriptor] = [
        EstimatorDescriptor(
            id: "ssm", seedSalt: 0, fit: .network(.ssm, stepSeconds: 2.1e-6), theory: .headline(.ssm),
            plotStyle: ("#1f77b4", "circle"), runsByDefault: true, runsInWindowSweepByDefault: true,
            summary: "gated diagonal-SSM network with token-wise FNNs (NS24)"),
        EstimatorDescriptor(
            id: "ssm-taps", seedSalt: 5, fit: .network(.ssmTaps, stepSeconds: 2.1e-6), theory: .headline(.ssm),
            plotStyle: ("#17becf", "circle"), runsByDefault: false, runsInWindowSweepByDefault: false,
            summary: "the ssm with free W-tap kernels in place of S4D's (an LTI window convolution without SSM structure)"),
        EstimatorDescriptor(
            id: "transformer", seedSalt: 1, fit: .network(.transformer, stepSeconds: 3.45e-6), theory: .headline(.transformer),
            plotStyle: ("#d62728", "square"), runsByDefault: true, runsInWindowSweepByDefault: true,
            summary: "causal softmax Transformer with token-wise FNNs (TS23)"),
        EstimatorDescriptor(
            id: "cnn", seedSalt: 4, fit: .network(.cnn, stepSeconds: 1.5e-6), theory: .coveringTheorem(.cnn),
            plotStyle: ("#ff7f0e", "square"), runsByDefault: false, runsInWindowSweepByDefault: false,
            summary: "dilated causal CNN + token-wise FNNs, receptive field covering the last V tokens (O22 Theorem 14)"),
        EstimatorDescriptor(
            id: "fnn", seedSalt: 2, fit: .network(.fnn, stepSeconds: 0.38e-6), theory: .reference,
            plotStyle: ("#2ca02c", "triangle"), runsByDefault: false, runsInWindowSweepByDefault: true,
            summary: "ReLU FNN on the flattened window of the last V tokens (no token selection)"),
        EstimatorDescriptor(
            id: "oracle", seedSalt: 3, fit: .oracle, theory: .reference,
            plotStyle: ("#7b3294", "diamond"), runsByDefault: true, runsInWindowSweepByDefault: true,
            summary: "least squares on the trigonometric basis {ψ_l : γ(s) < T} (Float64, LAPACK)"),
    ]
}
