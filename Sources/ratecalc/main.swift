import Bounds
print(try Rational(parsing: "8/15").decimalString())
