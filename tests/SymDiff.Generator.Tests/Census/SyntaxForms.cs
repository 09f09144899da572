using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymDiff.Generator.Tests.Census;

/// <summary>
/// Every statement and expression form Roslyn can build, as (syntax type, kind) pairs read from the
/// compiler by reflection, so that a form added to C# shows up here without anyone listing it.
/// </summary>
/// <remarks>
/// The types are the concrete subclasses of <see cref="StatementSyntax"/> and <see cref="ExpressionSyntax"/>
/// (types, <see cref="TypeSyntax"/>, derive from the latter). A type of several kinds has a
/// <see cref="SyntaxFactory"/> method taking <c>SyntaxKind kind</c> first, whose first act is a switch
/// that throws <c>ArgumentException("kind")</c> for a kind of another type: calling it with each kind
/// (the other arguments left empty, to fail later if at all) gives exactly that type's kinds. A type
/// without such a method has one kind, named after it (<c>ForStatementSyntax</c>: <c>ForStatement</c>).
/// </remarks>
internal static class SyntaxForms
{
    public static IReadOnlyList<(Type Type, SyntaxKind Kind)> All { get; } = Read();

    /// <summary>The syntax type of each kind: every kind belongs to one type.</summary>
    public static IReadOnlyDictionary<SyntaxKind, Type> TypeOf { get; } = All.ToDictionary(f => f.Kind, f => f.Type);

    private static List<(Type Type, SyntaxKind Kind)> Read()
    {
        var types = typeof(SyntaxFactory).Assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && (typeof(StatementSyntax).IsAssignableFrom(t) || typeof(ExpressionSyntax).IsAssignableFrom(t)))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        return types.SelectMany(t => KindsOf(t).Select(k => (t, k))).ToList();
    }

    private static IEnumerable<SyntaxKind> KindsOf(Type type)
    {
        var factory = typeof(SyntaxFactory).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == type && m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(SyntaxKind))
            .MaxBy(m => m.GetParameters().Length);
        if (factory is null)
        {
            var name = type.Name.Substring(0, type.Name.Length - "Syntax".Length);
            return Enum.TryParse<SyntaxKind>(name, out var kind)
                ? new[] { kind }
                : throw new InvalidOperationException(type.Name + " has no factory taking a kind, and no kind named " + name);
        }

        return Enum.GetValues<SyntaxKind>().Distinct().Where(k => Accepts(factory, k)).ToList();
    }

    private static bool Accepts(MethodInfo factory, SyntaxKind kind)
    {
        var arguments = factory.GetParameters()
            .Select((p, i) => i == 0 ? kind : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        try
        {
            factory.Invoke(null, arguments);
            return true;
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException rejected)
        {
            return rejected.ParamName != "kind" && rejected.Message != "kind";
        }
        catch (TargetInvocationException)
        {
            // Passed the kind switch, failed on an empty argument.
            return true;
        }
    }
}
