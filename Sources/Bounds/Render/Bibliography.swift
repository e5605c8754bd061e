/// The BibTeX entries of the built-in theorems' sources: what `ratecalc --bibliography` prints,
/// the file the LaTeX output's `\cite{…}` and the Typst output's `@key` references need
/// (docs/references.bib is this text, and a test keeps the two equal).
public enum Bibliography {
    /// One entry: its citation key (a built-in source's `citation_key`) and its BibTeX text.
    public struct Entry: Sendable {
        /// The key, e.g. `nishikawa2024state`.
        public let key: String
        /// The `@type{key, …}` text, ending with `}`.
        public let bibtex: String
    }

    /// O22, TS23 and NS24, in citation order.
    public static let entries: [Entry] = [
        Entry(key: "okumoto2022learnability", bibtex: """
        @inproceedings{okumoto2022learnability,
          author    = {Okumoto, Sho and Suzuki, Taiji},
          title     = {Learnability of convolutional neural networks for infinite dimensional input via mixed and anisotropic smoothness},
          booktitle = {International Conference on Learning Representations (ICLR)},
          year      = {2022}
        }
        """),
        Entry(key: "takakura2023approximation", bibtex: """
        @inproceedings{takakura2023approximation,
          author    = {Takakura, Shokichi and Suzuki, Taiji},
          title     = {Approximation and estimation ability of {T}ransformers for sequence-to-sequence functions with infinite dimensional input},
          booktitle = {International Conference on Machine Learning (ICML)},
          year      = {2023}
        }
        """),
        Entry(key: "nishikawa2024state", bibtex: """
        @article{nishikawa2024state,
          author  = {Nishikawa, Naoki and Suzuki, Taiji},
          title   = {State space models are comparable to {T}ransformers in estimating functions with dynamic smoothness},
          journal = {arXiv preprint arXiv:2405.19036},
          year    = {2024},
          note    = {v2, ICLR 2025: State space models are provably comparable to Transformers in dynamic token selection}
        }
        """),
    ]

    /// The keys of ``entries``.
    public static let keys: Set<String> = Set(entries.map(\.key))

    /// Every entry, as a `.bib` file (ending with a newline).
    public static var bibtex: String { entries.map(\.bibtex).joined(separator: "\n") + "\n" }
}
