using Quickstart;

// Every lecture example: the generated gradient next to a central finite difference of the original method.
Console.OutputEncoding = System.Text.Encoding.UTF8;
PrintF();
PrintG();
PrintNeuron();
PrintHuber();
PrintSecondOrder();
PrintLoop();
PrintSecondOrderOverSpans();

static void PrintF()
{
    var table = new GradientTable("F", "x³·(x + 3y)", ["x", "y"], p => Lecture.F(p[0], p[1]));
    table.Add([2, 3], Lecture.FGradient(2, 3, out var dx, out var dy), dx, dy);
    table.Print();
}

static void PrintG()
{
    var table = new GradientTable("G", "(2·x1 + 3·x2)² + 3", ["x1", "x2"], p => Lecture.G(p[0], p[1]));
    table.Add([1, 3], Lecture.GGradient(1, 3, out var dx1, out var dx2), dx1, dx2);
    table.Print();

    var lecture = (Lecture.G(1.02, 3) - Lecture.G(0.98, 3)) / 0.04;
    Console.WriteLine("  the lecture's symmetric difference, h = 0.02: (G(1.02, 3) − G(0.98, 3)) / 0.04 = " + GradientTable.Fixed(lecture));
    Console.WriteLine();
}

static void PrintNeuron()
{
    var table = new GradientTable("Neuron", "σ(w0·x0 + w1·x1 + w2)", ["w0", "x0", "w1", "x1", "w2"], p => Lecture.Neuron(p[0], p[1], p[2], p[3], p[4]));
    var value = Lecture.NeuronGradient(2, -1, -3, -2, -3, out var dw0, out var dx0, out var dw1, out var dx1, out var dw2);
    table.Add([2, -1, -3, -2, -3], value, dw0, dx0, dw1, dx1, dw2);
    table.Print();
}

// An if/else: the gradient is the taken branch's. One point on each side of |r| = delta.
static void PrintHuber()
{
    var table = new GradientTable("Huber", "|r| ≤ delta ? r²/2 : delta·(|r| − delta/2)", ["r", "delta"], p => Lecture.Huber(p[0], p[1]));
    table.Add([0.5, 1], Lecture.HuberGradient(0.5, 1, out var dr, out var ddelta), dr, ddelta);
    table.Add([-3, 1], Lecture.HuberGradient(-3, 1, out dr, out ddelta), dr, ddelta);
    table.Print();
}

// What the generator knows symbolically: the formulas, the Hessian, the tangent, the graph.
static void PrintSecondOrder()
{
    Console.WriteLine("F's derivatives, simplified by the generator (Lecture.FDerivatives):");
    foreach (var (parameter, formula) in Lecture.FDerivatives)
    {
        Console.WriteLine($"  ∂F/∂{parameter} = {formula}");
    }

    Span<double> gradient = stackalloc double[2];
    Span<double> hessian = stackalloc double[4];
    Lecture.FHessian(2, 3, gradient, hessian);
    Console.WriteLine();
    Console.WriteLine("F's Hessian at (2, 3) (Lecture.FHessian; by hand: 12x² + 18xy = 156, 9x² = 36, 0):");
    Console.WriteLine($"  [{hessian[0],6} {hessian[1],6} ]");
    Console.WriteLine($"  [{hessian[2],6} {hessian[3],6} ]");

    Lecture.FTangent(2, 3, 0.6, 0.8, out var tangent);
    Console.WriteLine();
    Console.WriteLine($"F's directional derivative at (2, 3) along (0.6, 0.8) (Lecture.FTangent): {tangent.ToString("G15", System.Globalization.CultureInfo.InvariantCulture)} = 0.6·140 + 0.8·24");

    const string graphFile = "lecture-graph.md";
    File.WriteAllText(graphFile, "# The computational graph of f(x, y) = x³(x + 3y)\n\n```mermaid\n" + Lecture.FGraph + "```\n");
    Console.WriteLine();
    Console.WriteLine($"F's computational graph (Lecture.FGraph) written to {Path.GetFullPath(graphFile)}");
}

// A loop over a span: the gradient goes into a caller's buffer, checked against central differences.
static void PrintLoop()
{
    double[] x = [-1.2, 1.0, 0.5, 2.0];
    var dx = new double[x.Length];
    var value = Vectors.RosenbrockGradient(x, dx);
    Console.WriteLine();
    Console.WriteLine("Rosenbrock(x) = Σ 100(x[i+1] − x[i]²)² + (1 − x[i])², a loop over a ReadOnlySpan<double>:");
    Console.WriteLine($"  x = [{string.Join(", ", x.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))}], value {GradientTable.Fixed(value)}");
    for (var i = 0; i < x.Length; i++)
    {
        var h = 1e-5 * Math.Max(1, Math.Abs(x[i]));
        var plus = (double[])x.Clone();
        var minus = (double[])x.Clone();
        plus[i] += h;
        minus[i] -= h;
        var central = (Vectors.Rosenbrock(plus) - Vectors.Rosenbrock(minus)) / (plus[i] - minus[i]);
        Console.WriteLine($"  ∂/∂x[{i}] = {GradientTable.Fixed(dx[i]),16}   central difference {GradientTable.Fixed(central),16}");
    }
}

// H·v without the n×n Hessian, and the Jacobian of a method writing a span.
static void PrintSecondOrderOverSpans()
{
    var invariant = System.Globalization.CultureInfo.InvariantCulture;
    double[] x = [-1.2, 1.0, 0.5, 2.0];
    double[] v = [1.0, 0.0, -1.0, 0.5];
    var (gradient, product) = (new double[4], new double[4]);
    Vectors.RosenbrockHessianVector(x, v, gradient, product);
    Console.WriteLine();
    Console.WriteLine("Rosenbrock's Hessian times v = (1, 0, −1, 0.5) at that x (Vectors.RosenbrockHessianVector, no n×n matrix):");
    for (var i = 0; i < x.Length; i++)
    {
        // (∇f(x + hv) − ∇f(x − hv)) / 2h, from two gradient calls.
        const double h = 1e-5;
        var (plus, minus) = (new double[4], new double[4]);
        Vectors.RosenbrockGradient(x.Zip(v, (a, b) => a + h * b).ToArray(), plus);
        Vectors.RosenbrockGradient(x.Zip(v, (a, b) => a - h * b).ToArray(), minus);
        Console.WriteLine($"  (H·v)[{i}] = {GradientTable.Fixed(product[i]),16}   difference of gradients {GradientTable.Fixed((plus[i] - minus[i]) / (2 * h)),16}");
    }

    double[] z = [1.0, 2.0, 0.5];
    var y = new double[3];
    var jacobian = new double[9];
    Vectors.SoftmaxJacobian(z, y, jacobian);
    Console.WriteLine();
    Console.WriteLine("softmax(1, 2, 0.5) = (" + string.Join(", ", y.Select(p => p.ToString("F6", invariant))) + "), its Jacobian (Vectors.SoftmaxJacobian; textbook yᵢ(δᵢⱼ − yⱼ)):");
    for (var i = 0; i < 3; i++)
    {
        Console.WriteLine("  [" + string.Join(" ", Enumerable.Range(0, 3).Select(j => jacobian[i * 3 + j].ToString("F6", invariant).PadLeft(10))) + " ]"
            + "   textbook row: " + string.Join(" ", Enumerable.Range(0, 3).Select(j => (y[i] * ((i == j ? 1 : 0) - y[j])).ToString("F6", invariant).PadLeft(10))));
    }
}
