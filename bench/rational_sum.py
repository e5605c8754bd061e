"""The exact sum of `ratecalc bench sum` in Python: ã = Σ_{i=1}^{N} 1/a_i, a_i = (7i+3)/(i+1),
i.e. the terms (i+1)/(7i+3), with python-flint, gmpy2 and fractions.Fraction.

Command (from the repository root; `pip install python-flint gmpy2`):

    python3 bench/rational_sum.py --count 200000 --implementation flint
    python3 bench/rational_sum.py --count 200000 --implementation gmpy2-split --runs 5 --check

Implementations:
    flint        python-flint fmpq, binary splitting (balanced, as ratecalc sums)
    gmpy2-split  gmpy2 mpq, binary splitting
    gmpy2        gmpy2 mpq, left to right
    fraction     fractions.Fraction, left to right

Measures the wall time (time.perf_counter) and the CPU time (time.process_time) of the sum alone: the N terms are built first,
untimed, as `ratecalc bench sum` builds them before its clock starts. Prints each run and the
median as `ratecalc bench sum` does; `--check` adds the digit counts of the exact numerator and
denominator and ã rounded to 10 decimal places, to compare with its output (docs/benchmarks.md).
"""
import argparse
import statistics
import sys
import time
from fractions import Fraction


def balanced_sum(terms, low, high):
    """Σ terms[low:high], pairing the halves at the midpoint recursively (binary splitting)."""
    if high - low == 1:
        return terms[low]
    middle = (low + high) // 2
    return balanced_sum(terms, low, middle) + balanced_sum(terms, middle, high)


def left_to_right_sum(terms, zero):
    total = zero
    for term in terms:
        total += term
    return total


def flint_terms(count):
    import flint
    return [flint.fmpq(i + 1, 7 * i + 3) for i in range(1, count + 1)]


def gmpy2_terms(count):
    import gmpy2
    return [gmpy2.mpq(i + 1, 7 * i + 3) for i in range(1, count + 1)]


def gmpy2_zero():
    import gmpy2
    return gmpy2.mpq(0)


def fraction_terms(count):
    return [Fraction(i + 1, 7 * i + 3) for i in range(1, count + 1)]


# name → (build the N terms, sum them)
IMPLEMENTATIONS = {
    "flint": (flint_terms, lambda terms: balanced_sum(terms, 0, len(terms))),
    "gmpy2-split": (gmpy2_terms, lambda terms: balanced_sum(terms, 0, len(terms))),
    "gmpy2": (gmpy2_terms, lambda terms: left_to_right_sum(terms, gmpy2_zero())),
    "fraction": (fraction_terms, lambda terms: left_to_right_sum(terms, Fraction(0))),
}


def numerator_and_denominator(value):
    """The exact numerator and denominator as Python ints (fmpq has .p/.q, the others .numerator)."""
    if hasattr(value, "p"):
        return int(value.p), int(value.q)
    return int(value.numerator), int(value.denominator)


def rounded(numerator, denominator, digits):
    """numerator/denominator > 0 rounded half up to `digits` decimal places, as a string."""
    scaled = (2 * numerator * 10 ** digits + denominator) // (2 * denominator)
    whole, fraction = divmod(scaled, 10 ** digits)
    return f"{whole}.{fraction:0{digits}d}"


def main():
    parser = argparse.ArgumentParser(description="Exact rational sum, as `ratecalc bench sum`.")
    parser.add_argument("--count", type=int, default=200_000, help="number of terms N (default 200000)")
    parser.add_argument("--implementation", choices=list(IMPLEMENTATIONS), default="flint")
    parser.add_argument("--runs", type=int, default=1, help="timed runs; the median is printed (default 1)")
    parser.add_argument("--check", action="store_true", help="print digit counts and ã as ratecalc does")
    arguments = parser.parse_args()
    if arguments.count < 1:
        parser.error(f"--count must be a positive integer, got {arguments.count}")
    if arguments.runs < 1:
        parser.error(f"--runs must be a positive integer, got {arguments.runs}")

    build, add_up = IMPLEMENTATIONS[arguments.implementation]
    terms = build(arguments.count)
    print(f"ã = Σ_{{i=1}}^{{N}} 1/a_i, a_i = (7i+3)/(i+1), N = {arguments.count}, {arguments.implementation}, "
          f"{arguments.runs} run{'s' if arguments.runs > 1 else ''}")
    seconds, cpu_seconds = [], []
    for run in range(1, arguments.runs + 1):
        start, cpu_start = time.perf_counter(), time.process_time()
        total = add_up(terms)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
        print(f"run {run}: {seconds[-1]:.3f} s (cpu {cpu_seconds[-1]:.3f} s)", flush=True)
    print(f"median: {statistics.median(seconds):.3f} s")
    print(f"median cpu: {statistics.median(cpu_seconds):.3f} s")
    if arguments.check:
        sys.set_int_max_str_digits(0)
        numerator, denominator = numerator_and_denominator(total)
        print(f"numerator digits: {len(str(numerator))}")
        print(f"denominator digits: {len(str(denominator))}")
        print(f"ã ≈ {rounded(numerator, denominator, 10)}")


if __name__ == "__main__":
    main()
