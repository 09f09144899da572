namespace SymDiff.Benchmarks;

/// <summary>
/// Central finite differences, (f(p + hᵢeᵢ) − f(p − hᵢeᵢ)) / 2hᵢ with hᵢ = 1e-5·max(1, |pᵢ|): the value
/// plus two calls per parameter, and only about 10 correct digits.
/// </summary>
public static class FiniteDifferences
{
    public static double FGradient(double x, double y, out double dx, out double dy)
    {
        var hx = Step(x);
        var hy = Step(y);
        dx = (Lecture.F(x + hx, y) - Lecture.F(x - hx, y)) / (2.0 * hx);
        dy = (Lecture.F(x, y + hy) - Lecture.F(x, y - hy)) / (2.0 * hy);
        return Lecture.F(x, y);
    }

    public static double NeuronGradient(double w0, double x0, double w1, double x1, double w2, out double dw0, out double dx0, out double dw1, out double dx1, out double dw2)
    {
        var h = Step(w0);
        dw0 = (Lecture.Neuron(w0 + h, x0, w1, x1, w2) - Lecture.Neuron(w0 - h, x0, w1, x1, w2)) / (2.0 * h);
        h = Step(x0);
        dx0 = (Lecture.Neuron(w0, x0 + h, w1, x1, w2) - Lecture.Neuron(w0, x0 - h, w1, x1, w2)) / (2.0 * h);
        h = Step(w1);
        dw1 = (Lecture.Neuron(w0, x0, w1 + h, x1, w2) - Lecture.Neuron(w0, x0, w1 - h, x1, w2)) / (2.0 * h);
        h = Step(x1);
        dx1 = (Lecture.Neuron(w0, x0, w1, x1 + h, w2) - Lecture.Neuron(w0, x0, w1, x1 - h, w2)) / (2.0 * h);
        h = Step(w2);
        dw2 = (Lecture.Neuron(w0, x0, w1, x1, w2 + h) - Lecture.Neuron(w0, x0, w1, x1, w2 - h)) / (2.0 * h);
        return Lecture.Neuron(w0, x0, w1, x1, w2);
    }

    private static double Step(double p) => 1e-5 * Math.Max(1.0, Math.Abs(p));
}
