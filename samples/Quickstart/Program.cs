using Quickstart;

Console.WriteLine(Lecture.FGradient(2, 3, out var dx, out var dy));
Console.WriteLine($"{dx} {dy}");
