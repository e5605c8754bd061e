import Bounds
import Testing
@testable import Numeric

/// The `bench sum` workload: the exact sum, one timing per run, the median and the digit abbreviation.
@Suite struct RationalSumBenchmarkTests {
    @Test func sumsTheReciprocalsExactly() throws {
        var runs = 0
        // 1/a_i = (i+1)/(7i+3): 2/10 + 3/17 + 4/24 = 277/510.
        let sum = try RationalSumBenchmark(count: 3).run(runs: 2) { _, timing in
            runs += 1
            #expect(timing.seconds >= 0 && timing.cpuSeconds >= 0)
        }
        #expect(sum == Rational(277, 510))
        #expect(runs == 2)
    }

    @Test func medianAndAbbreviation() {
        #expect(RationalSumBenchmark.median([3, 1, 2]) == 2)
        #expect(RationalSumBenchmark.median([4, 1, 3, 2]) == 2.5)
        #expect(RationalSumBenchmark.abbreviated("123456", edge: 2) == "12…56")
        #expect(RationalSumBenchmark.abbreviated("12345", edge: 3) == "12345")
    }
}
