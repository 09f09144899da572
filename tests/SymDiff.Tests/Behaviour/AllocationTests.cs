using SymDiff.Tests.Functions;

namespace SymDiff.Tests.Behaviour;

/// <summary>Generated gradients write to locals and <c>out</c> parameters only.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void NeuronGradient_TenThousandCalls_AllocatesNothing()
    {
        Lecture.NeuronGradient(2, -1, -3, -2, -3, out _, out _, out _, out _, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sink = Run(10_000);
        var after = GC.GetAllocatedBytesForCurrentThread();

        Assert.True(double.IsFinite(sink));
        Assert.Equal(0, after - before);
    }

    private static double Run(int calls)
    {
        var sum = 0.0;
        for (var i = 0; i < calls; i++)
        {
            var w0 = i * 1e-4;
            sum += Lecture.NeuronGradient(w0, -1, -3, -2, -3, out var dw0, out var dx0, out var dw1, out var dx1, out var dw2);
            sum += dw0 + dx0 + dw1 + dx1 + dw2;
        }

        return sum;
    }
}
