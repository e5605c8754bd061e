#!/bin/sh
# Renders the LaTeX output of ratecalc into the PNGs shown in docs/latex.md: the real
# pdflatex PDF, rasterised by pdftoppm (poppler-utils). Usage, from the repository root
# after `swift build`: scripts/render-latex-images.sh [path/to/ratecalc]
set -eu
ratecalc=$(realpath "${1:-.build/debug/ratecalc}")
images=$(realpath docs/images)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bibliography='\begin{thebibliography}{3}
\bibitem{okumoto2022learnability} S.~Okumoto, T.~Suzuki. ICLR 2022.
\bibitem{takakura2023approximation} S.~Takakura, T.~Suzuki. ICML 2023.
\bibitem{nishikawa2024state} N.~Nishikawa, T.~Suzuki. arXiv 2405.19036.
\end{thebibliography}'

# render NAME CLASSOPTIONS GEOMETRY RATECALC-ARGS…: one page, cropped by the paper size.
render() {
    name=$1 options=$2 geometry=$3
    shift 3
    {
        printf '%s\n' "\\documentclass[$options]{article}"
        "$ratecalc" --latex-preamble
        printf '%s\n' "\\usepackage[$geometry]{geometry}" '\pagestyle{empty}' '\begin{document}'
        "$ratecalc" "$@"
        printf '%s\n' '\clearpage' "$bibliography" '\end{document}'
    } > "$work/$name.tex"
    # Twice, so that the citations resolve.
    (cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" > /dev/null && pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" > /dev/null)
    pdftoppm -r 150 -png -singlefile -f 1 -l 1 "$work/$name.pdf" "$images/$name"
}

render rate-table-arch-all "" "paperwidth=12.5cm,paperheight=13.2cm,margin=0.5cm" --smoothness 1,2,4 --arch all --format latex
# Two-column article: the table at \columnwidth (8.9 cm), scaled to fit only if wider.
render rate-table-arch-all-twocolumn "twocolumn" "paperwidth=19.2cm,paperheight=13.2cm,margin=0.5cm,columnsep=0.4cm" --smoothness 1/2,5/4,2,3/7,11,13/3 --arch all --format latex
render rate-display-family "" "paperwidth=12.5cm,paperheight=13.5cm,margin=0.5cm" --smoothness 'poly(c=1,q=2)' --gamma anisotropic --arch cnn --q 2 --format latex
render rate-latex-example "" "paperwidth=12.5cm,paperheight=8cm,margin=0.5cm" --smoothness 1,2,4 --gamma anisotropic --format latex
render samples-table "" "paperwidth=12.5cm,paperheight=9cm,margin=0.5cm" samples --smoothness 1,2,4 --arch all --format latex
echo "rendered into $images" >&2
