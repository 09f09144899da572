using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Losses;

namespace SymDiff.Benchmarks;

/// <summary>
/// A 64-64-10 MLP (Dense, ReLU, Dense) with softmax cross-entropy on a mini-batch of 32: the loss
/// alone (runtime forward pass, and the same by hand), then loss and all parameter gradients by
/// SymDiff's runtime (<see cref="Sequential"/> forward + <see cref="SoftmaxCrossEntropy.Gradient"/> +
/// backward without the input gradient) and by a hand-written loop implementation. The runtime's
/// finite-value checks are switched off to compare arithmetic only. No central differences: 4,810
/// parameters would need 9,620 forward passes.
/// </summary>
[MemoryDiagnoser]
public class MlpBenchmarks
{
    private const int Inputs = 64;
    private const int Hidden = 64;
    private const int Classes = 10;
    private const int Batch = 32;

    private readonly double[] _input = new double[Batch * Inputs];
    private readonly double[] _target = new double[Batch * Classes];
    private readonly int[] _labels = new int[Batch];
    private readonly double[] _outputGradient = new double[Batch * Classes];
    private readonly Sequential _model = CreateModel(new Random(6));
    private readonly SoftmaxCrossEntropy _loss = new();
    private readonly HandWrittenMlp _handWritten = new(Inputs, Hidden, Classes, Batch);
    private double _value;

    public double Value => _value;

    /// <summary>Random inputs and labels, He/Xavier weights with small random biases, and a check that both gradients agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        for (var i = 0; i < _input.Length; i++)
        {
            _input[i] = (2.0 * random.NextDouble()) - 1.0;
        }

        for (var b = 0; b < Batch; b++)
        {
            _labels[b] = random.Next(Classes);
            _target[(b * Classes) + _labels[b]] = 1.0;
        }

        _model.CheckFinite = false;
        var first = (Dense)_model.Layers[0];
        var second = (Dense)_model.Layers[2];
        foreach (var biases in new[] { first.Biases, second.Biases })
        {
            for (var i = 0; i < biases.Length; i++)
            {
                biases.Values[i] = 0.1 * ((2.0 * random.NextDouble()) - 1.0);
            }
        }

        first.Weights.Values.CopyTo(_handWritten.W1);
        first.Biases.Values.CopyTo(_handWritten.B1);
        second.Weights.Values.CopyTo(_handWritten.W2);
        second.Biases.Values.CopyTo(_handWritten.B2);

        var runtimeLoss = RuntimeGradient();
        var handLoss = _handWritten.Gradient(_input, _labels);
        Agreement.Check([runtimeLoss], [handLoss], 1e-12, "MLP loss");
        Agreement.Check(first.Weights.Gradients, _handWritten.DW1, 1e-12, "MLP ∂W1");
        Agreement.Check(first.Biases.Gradients, _handWritten.DB1, 1e-12, "MLP ∂b1");
        Agreement.Check(second.Weights.Gradients, _handWritten.DW2, 1e-12, "MLP ∂W2");
        Agreement.Check(second.Biases.Gradients, _handWritten.DB2, 1e-12, "MLP ∂b2");
        Agreement.Check([_loss.Value(_model.Forward(_input, Batch), _target, Batch)], [_handWritten.Loss(_input, _labels)], 1e-12, "MLP plain loss");
    }

    [Benchmark(Baseline = true, Description = "plain loss (runtime forward)")]
    public void Plain() => _value = _loss.Value(_model.Forward(_input, Batch), _target, Batch);

    [Benchmark(Description = "plain loss (hand-written forward)")]
    public void PlainHandWritten() => _value = _handWritten.Loss(_input, _labels);

    [Benchmark(Description = "hand-written gradient")]
    public void HandWrittenGradient() => _value = _handWritten.Gradient(_input, _labels);

    [Benchmark(Description = "SymDiff runtime gradient")]
    public void RuntimeGradientBenchmark() => _value = RuntimeGradient();

    private static Sequential CreateModel(Random random) =>
        new(new Dense(Inputs, Hidden, random), new Activation<Activations.ReluFunction>(Hidden), new Dense(Hidden, Classes, random, initialization: WeightInitialization.Xavier));

    private double RuntimeGradient()
    {
        var prediction = _model.Forward(_input, Batch);
        var loss = _loss.Gradient(prediction, _target, Batch, _outputGradient);
        _model.Backward(_outputGradient, inputGradient: false);
        return loss;
    }
}

/// <summary>
/// The same MLP written by hand: weights row-major (inputs × outputs, as <see cref="Dense"/>),
/// each row update a SIMD <see cref="TensorPrimitives"/> call (as the runtime's kernels use), buffers
/// allocated once, the backward pass per sample fused (∂W2, ∂h and the ReLU mask in one sweep).
/// </summary>
public sealed class HandWrittenMlp
{
    private readonly int _inputs;
    private readonly int _hidden;
    private readonly int _classes;
    private readonly double[] _h;
    private readonly double[] _z;
    private readonly double[] _dh;

    public HandWrittenMlp(int inputs, int hidden, int classes, int batch)
    {
        _inputs = inputs;
        _hidden = hidden;
        _classes = classes;
        W1 = new double[inputs * hidden];
        B1 = new double[hidden];
        W2 = new double[hidden * classes];
        B2 = new double[classes];
        DW1 = new double[inputs * hidden];
        DB1 = new double[hidden];
        DW2 = new double[hidden * classes];
        DB2 = new double[classes];
        _h = new double[batch * hidden];
        _z = new double[batch * classes];
        _dh = new double[batch * hidden];
    }

    public double[] W1 { get; }

    public double[] B1 { get; }

    public double[] W2 { get; }

    public double[] B2 { get; }

    public double[] DW1 { get; }

    public double[] DB1 { get; }

    public double[] DW2 { get; }

    public double[] DB2 { get; }

    /// <summary>Mean softmax cross-entropy of the batch; leaves the hidden activations and logits in the buffers.</summary>
    public double Loss(ReadOnlySpan<double> input, ReadOnlySpan<int> labels)
    {
        var total = 0.0;
        for (var b = 0; b < labels.Length; b++)
        {
            var x = input.Slice(b * _inputs, _inputs);
            var h = _h.AsSpan(b * _hidden, _hidden);
            B1.CopyTo(h);
            for (var i = 0; i < _inputs; i++)
            {
                var xi = x[i];
                TensorPrimitives.MultiplyAdd(W1.AsSpan(i * _hidden, _hidden), xi, h, h);
            }

            TensorPrimitives.Max(h, 0.0, h);

            var z = _z.AsSpan(b * _classes, _classes);
            B2.CopyTo(z);
            for (var i = 0; i < _hidden; i++)
            {
                var hi = h[i];
                TensorPrimitives.MultiplyAdd(W2.AsSpan(i * _classes, _classes), hi, z, z);
            }

            var max = z[0];
            for (var c = 1; c < z.Length; c++)
            {
                max = Math.Max(max, z[c]);
            }

            var sum = 0.0;
            for (var c = 0; c < z.Length; c++)
            {
                sum += Math.Exp(z[c] - max);
            }

            total += max + Math.Log(sum) - z[labels[b]];
        }

        return total / labels.Length;
    }

    /// <summary>The loss, and ∂loss/∂(W1, b1, W2, b2) in <see cref="DW1"/> .. <see cref="DB2"/> (overwritten).</summary>
    public double Gradient(ReadOnlySpan<double> input, ReadOnlySpan<int> labels)
    {
        var loss = Loss(input, labels);
        var scale = 1.0 / labels.Length;
        Array.Clear(DW1);
        Array.Clear(DB1);
        Array.Clear(DW2);
        Array.Clear(DB2);
        for (var b = 0; b < labels.Length; b++)
        {
            // ∂/∂z = (softmax(z) − onehot) / B, in place.
            var z = _z.AsSpan(b * _classes, _classes);
            var max = z[0];
            for (var c = 1; c < z.Length; c++)
            {
                max = Math.Max(max, z[c]);
            }

            var sum = 0.0;
            for (var c = 0; c < z.Length; c++)
            {
                var e = Math.Exp(z[c] - max);
                z[c] = e;
                sum += e;
            }

            var factor = scale / sum;
            for (var c = 0; c < z.Length; c++)
            {
                z[c] *= factor;
            }

            z[labels[b]] -= scale;

            // ∂W2 += hᵀ·dz, ∂b2 += dz, ∂h = dz·W2ᵀ masked by ReLU.
            var h = _h.AsSpan(b * _hidden, _hidden);
            var dh = _dh.AsSpan(b * _hidden, _hidden);
            for (var c = 0; c < z.Length; c++)
            {
                DB2[c] += z[c];
            }

            for (var i = 0; i < _hidden; i++)
            {
                var hi = h[i];
                var row = W2.AsSpan(i * _classes, _classes);
                var drow = DW2.AsSpan(i * _classes, _classes);
                TensorPrimitives.MultiplyAdd(z, hi, drow, drow);
                var acc = TensorPrimitives.Dot(z, row);

                dh[i] = hi > 0.0 ? acc : 0.0;
            }

            // ∂W1 += xᵀ·dh, ∂b1 += dh.
            var x = input.Slice(b * _inputs, _inputs);
            TensorPrimitives.Add(DB1, dh, DB1);

            for (var i = 0; i < _inputs; i++)
            {
                var xi = x[i];
                var drow = DW1.AsSpan(i * _hidden, _hidden);
                TensorPrimitives.MultiplyAdd(dh, xi, drow, drow);
            }
        }

        return loss;
    }
}
