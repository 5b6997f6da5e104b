"""Print the first Fibonacci numbers and check that every third one is even."""

from __future__ import annotations

import argparse


def fibonacci(count: int) -> list[int]:
    numbers = [0, 1]
    while len(numbers) < count:
        numbers.append(numbers[-1] + numbers[-2])
    return numbers[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description="Fibonacci numbers")
    parser.add_argument("count", type=int, nargs="?", default=20)
    args = parser.parse_args()
    for index, value in enumerate(fibonacci(args.count)):
        even = "even" if value % 2 == 0 else "odd"
        print(f"{index:3d}  {value:>8d}  {even}")
    assert all(n % 2 == 0 for n in fibonacci(args.count)[::3])


if __name__ == "__main__":
    main()
