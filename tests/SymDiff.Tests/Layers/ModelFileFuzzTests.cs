using System.Text;
using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>
/// Corrupt model files, made from a saved one by seeded mutations: each loads, or throws
/// <see cref="InvalidDataException"/>; never another exception, and never half a model (a failed
/// <see cref="ModelFile.LoadParameters(Sequential, Stream)"/> leaves the model as it was).
/// </summary>
public sealed class ModelFileFuzzTests
{
    private const int Mutants = 5_000;

    [Fact]
    public void Load_MutatedCopiesOfASavedModel_LoadOrThrowInvalidDataException()
    {
        var random = new Random(9);
        var model = new Sequential(new Dense(3, 4, random), new Activation<Activations.TanhFunction>(4), new Dense(4, 2, random), new Softmax(2));
        var saved = new MemoryStream();
        ModelFile.Save(model, saved);

        AssertEveryMutantLoadsOrIsRejected(saved.ToArray(), new Random(20261207), stream => Assert.NotEmpty(ModelFile.Load(stream).Layers));
    }

    [Fact]
    public void Load_MutatedCopiesOfAVersion1File_LoadOrThrowInvalidDataException()
    {
        var original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Layers", "ModelFiles", "version1.json"));

        AssertEveryMutantLoadsOrIsRejected(original, new Random(20261208), stream => Assert.NotEmpty(ModelFile.Load(stream).Layers));
    }

    [Fact]
    public void LoadParameters_MutatedCopies_LoadOrThrowLeavingTheModelUnchanged()
    {
        var random = new Random(10);
        var model = new Sequential(new Dense(3, 4, random, ActivationFunction.Relu), new Dense(4, 2, random, ActivationFunction.Sigmoid));
        var saved = new MemoryStream();
        ModelFile.Save(model, saved);
        var target = new Sequential(new Dense(3, 4, seed: 1, ActivationFunction.Relu), new Dense(4, 2, seed: 2, ActivationFunction.Sigmoid));

        AssertEveryMutantLoadsOrIsRejected(saved.ToArray(), new Random(20261209), stream =>
        {
            var before = target.Parameters.SelectMany(p => p.Values.ToArray()).ToArray();
            try
            {
                ModelFile.LoadParameters(target, stream);
            }
            catch (InvalidDataException)
            {
                Assert.Equal(before, target.Parameters.SelectMany(p => p.Values.ToArray()));
                throw;
            }
        });
    }

    /// <summary>
    /// Runs <paramref name="load"/> on <see cref="Mutants"/> corrupt copies of <paramref name="original"/>:
    /// each must load or throw <see cref="InvalidDataException"/>, and both outcomes must occur.
    /// </summary>
    private static void AssertEveryMutantLoadsOrIsRejected(byte[] original, Random random, Action<Stream> load)
    {
        var (loaded, rejected) = (0, 0);
        var failures = new List<string>();
        for (var i = 0; i < Mutants; i++)
        {
            var (mutant, how) = Mutate(original, random);
            try
            {
                load(new MemoryStream(mutant));
                loaded++;
            }
            catch (InvalidDataException exception)
            {
                Assert.False(string.IsNullOrWhiteSpace(exception.Message));
                rejected++;
            }
            catch (Exception exception)
            {
                failures.Add("mutant " + i + " (" + how + "): " + exception.GetType().Name + ": " + exception.Message);
            }
        }

        Assert.True(failures.Count == 0, failures.Count + " mutants threw something else than InvalidDataException:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(loaded > 0 && rejected > Mutants / 2, "loaded " + loaded + ", rejected " + rejected + ": the mutations no longer reach both outcomes");
    }

    /// <summary>One corruption of the file's bytes: a changed byte, a cut, a splice, a duplicated run, or a number replaced.</summary>
    private static (byte[] Bytes, string How) Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var at = random.Next(bytes.Count);
        switch (random.Next(5))
        {
            case 0:
                var value = (byte)random.Next(256);
                bytes[at] = value;
                return (bytes.ToArray(), "byte " + at + " set to 0x" + value.ToString("x2"));
            case 1:
                return (bytes.Take(at).ToArray(), "cut at " + at);
            case 2:
                var length = random.Next(1, 40);
                var from = random.Next(bytes.Count);
                bytes.InsertRange(at, original.Skip(from).Take(length));
                return (bytes.ToArray(), "spliced " + length + " bytes from " + from + " at " + at);
            case 3:
                var removed = Math.Min(random.Next(1, 40), bytes.Count - at);
                bytes.RemoveRange(at, removed);
                return (bytes.ToArray(), "removed " + removed + " bytes at " + at);
            default:
                var text = Encoding.UTF8.GetString(original);
                var replacement = new[] { "1e999", "-0", "NaN", "2147483648", "\"\\ud800\"", "null", "[]", "{}", "0.5", "-7", "\"\xff\"" }[random.Next(11)];
                var digit = text.IndexOfAny("0123456789".ToCharArray(), random.Next(text.Length));
                if (digit < 0)
                {
                    return (original, "unchanged");
                }

                var end = digit;
                while (end < text.Length && "0123456789.eE+-".Contains(text[end], StringComparison.Ordinal))
                {
                    end++;
                }

                return (Encoding.UTF8.GetBytes(text[..digit] + replacement + text[end..]), "number at " + digit + " replaced by " + replacement);
        }
    }
}
