using Microsoft.CodeAnalysis;

namespace SymDiff.Generator.Diagnostics;

/// <summary>Every diagnostic SymDiff reports. IDs: SD1xxx usage, SD2xxx differentiation; a retired ID is never reused.</summary>
internal static class DiagnosticDescriptors
{
    private const string Usage = "SymDiff.Usage";
    private const string Differentiation = "SymDiff.Differentiation";
    private const string Remarks = "SymDiff.Remarks";

    public static readonly DiagnosticDescriptor MethodMustBeStatic = Error(
        "SD1001", Usage,
        "Differentiable method must be static",
        "Method '{0}' is marked [Differentiable] but is not static; make it static (instance state is not differentiated)",
        "A [Differentiable] method must be static: its value may depend only on its parameters.");

    public static readonly DiagnosticDescriptor ContainingTypeMustBePartial = Error(
        "SD1002", Usage,
        "Type containing a differentiable method must be partial",
        "Type '{0}' contains the [Differentiable] method '{1}' but is not partial; add the 'partial' modifier so the generated gradient can be added to it",
        "The generated gradient is added to the same type, so that type and every type containing it must be declared partial.");

    public static readonly DiagnosticDescriptor ReturnTypeMustBeDouble = Error(
        "SD1003", Usage,
        "Differentiable method must return double or a tuple of doubles",
        "Method '{0}' returns '{1}'; a [Differentiable] method must return double, a tuple of doubles such as (double, double), or void while writing its results into a Span<double> parameter (y[i] = ...)",
        "Scalar methods get a gradient; methods returning a tuple of doubles or writing output vectors get a Jacobian and a vector-Jacobian product.");

    public static readonly DiagnosticDescriptor ParameterTypeMustBeDouble = Error(
        "SD1004", Usage,
        "Parameter type not supported in a differentiable method",
        "Parameter '{0}' of '{1}' has type '{2}'; a [Differentiable] method takes double, int, ReadOnlySpan<double>, Span<double> or double[] parameters",
        "Only double parameters are supported in this version.");

    public static readonly DiagnosticDescriptor ParameterModifierNotSupported = Error(
        "SD1005", Usage,
        "Parameter modifier not supported in a differentiable method",
        "Parameter '{0}' of '{1}' is declared '{2}'; [Differentiable] methods take their parameters by value: remove the modifier and return the result",
        "ref, out, in, params and scoped parameters are not supported.");

    public static readonly DiagnosticDescriptor MethodMustNotBeGeneric = Error(
        "SD1006", Usage,
        "Generic differentiable method must compute in a floating-point T",
        "Method '{0}' has type parameters; a generic [Differentiable] method has one type parameter T constrained to IFloatingPointIeee754<T> ('where T : IFloatingPointIeee754<T>') and returns T: constrain it so (INumber<T> and other constraints do not give Sin, Exp or Sqrt), or write it for double",
        "Generic methods are differentiated when their one type parameter T is constrained to IFloatingPointIeee754<T> and they return T.");

    public static readonly DiagnosticDescriptor MethodMustHaveBody = Error(
        "SD1007", Usage,
        "Differentiable method must have a body",
        "Method '{0}' has no body to differentiate; give it a block or expression body",
        "Abstract, extern and partial-definition methods cannot be differentiated: the generator reads the body.");

    public static readonly DiagnosticDescriptor ModesRequireScalarResult = Error(
        "SD1008", Usage,
        "Second-derivative modes need a scalar result",
        "Method '{0}' has several results (a tuple, or vectors it writes), and Hessian and HessianVector are generated only for methods returning one double; remove them from Modes: it gets {0}Jacobian and {0}Vjp",
        "A method returning a tuple of doubles gets NameJacobian (the full Jacobian, in the cheaper mode), NameVjp (a vector-Jacobian product) and, on request, NameTangent; a method writing output vectors gets all three. Second derivatives need one double result.");

    public static readonly DiagnosticDescriptor ModesRequireDoubleParameters = Error(
        "SD1009", Usage,
        "Full Hessians and tuple results need double parameters",
        "Method '{0}' has vector or int parameters; its full Hessian or tuple Jacobian is not generated: for second derivatives use Modes = DerivativeModes.HessianVector ({0}HessianVector gives H·v), and for several results write them into a Span<double> output",
        "The n×n Hessian and tuple Jacobians are generated for methods whose parameters are all doubles (loops included); methods over vectors get Tangent and HessianVector, and vector results are written into Span<double> outputs.");

    public static readonly DiagnosticDescriptor LocalFunctionNotSupported = Error(
        "SD1010", Usage,
        "Differentiable local function",
        "Local function '{0}' is marked [Differentiable], but generated code can only be added to types; make it a static method of a partial type",
        "The generator adds NameGradient next to the method, which a local function has no place for.");

    public static readonly DiagnosticDescriptor GeneratedNameTaken = Error(
        "SD1011", Usage,
        "Generated member name already used",
        "The type already declares '{1}', a name SymDiff generates for '{0}'; rename that member or the [Differentiable] method",
        "SymDiff adds NameGradient, NamePullback, NameDerivatives, NameGraph (and NameTangent, NameHessian, NameJacobian, NameVjp) next to the method.");

    public static readonly DiagnosticDescriptor KeywordNameNotSupported = Error(
        "SD1012", Usage,
        "Vector or loop variable named with a keyword",
        "The {0} '@{1}' of '{2}' is named with a C# keyword, which the generated code does not escape yet; rename it",
        "Double and int parameters and locals may be named @in or @base; vector parameters and for-loop variables may not yet.");

    public static readonly DiagnosticDescriptor ExpressionNotSupported = Error(
        "SD2001", Differentiation,
        "Expression not supported in a differentiable method",
        "'{0}' cannot be differentiated: {1}",
        "The generator understands double arithmetic (+ - * /, unary minus), comparisons, && || !, ?:, literals, constants, parameters, locals and the supported Math functions.");

    public static readonly DiagnosticDescriptor CallNotDifferentiable = Error(
        "SD2002", Differentiation,
        "Call cannot be differentiated",
        "Call to '{0}' cannot be differentiated: {1}",
        "A derivative is never silently dropped: a call the generator cannot see through is an error, not a constant.");

    public static readonly DiagnosticDescriptor StatementNotSupported = Error(
        "SD2003", Differentiation,
        "Statement not supported in a differentiable method",
        "{0} is not supported in a [Differentiable] method: {1}",
        "The generator understands local declarations, assignments (= += -= *= /= ++ --), if/else, blocks and return.");

    public static readonly DiagnosticDescriptor LocalTypeNotSupported = Error(
        "SD2004", Differentiation,
        "Local type not supported in a differentiable method",
        "Local '{0}' has type '{1}'; {2}",
        "Only double and bool locals are supported in this version; constants of other types may be declared const.");

    public static readonly DiagnosticDescriptor AssignmentTargetNotSupported = Error(
        "SD2005", Differentiation,
        "Assignment target not supported in a differentiable method",
        "Assignment to '{0}' is not supported: {1}",
        "Writing fields, properties or array elements would be a side effect the gradient cannot see.");

    public static readonly DiagnosticDescriptor RecursionNotSupported = Error(
        "SD2006", Differentiation,
        "Recursive differentiable method",
        "'{0}' is recursive ({1}); recursion is not differentiated: rewrite it without the recursive call",
        "A [Differentiable] method may call other [Differentiable] methods, but not itself, directly or through others.");

    public static readonly DiagnosticDescriptor HessianThroughCallNotSupported = Error(
        "SD2007", Differentiation,
        "Hessian through a call not supported yet",
        "'{0}' asks for second derivatives (Hessian or HessianVector) but calls '{1}'; second derivatives through calls to [Differentiable] methods and [DerivativeOf] functions are not supported yet: inline '{1}', or drop Hessian and HessianVector from Modes",
        "The Hessian differentiates the gradient again, and a called method's gradient is not yet differentiable itself.");

    public static readonly DiagnosticDescriptor CustomDerivativeSignatureMismatch = Error(
        "SD2008", Differentiation,
        "Custom derivative does not match its function",
        "'{0}' does not match any overload of '{1}': write 'static double {0}(double x)' for a one-argument function, 'static double {0}(p1..pn, out double d1..dn)' returning the value, or 'static void {0}(p1..pn, double seed, ref double d1..dn)'; and make it callable from the generated code (not private to another type)",
        "A [DerivativeOf] method must have one of the three documented shapes for an overload of its function.");

    public static readonly DiagnosticDescriptor CustomDerivativeTargetNotFound = Error(
        "SD2009", Differentiation,
        "Function of a custom derivative not found",
        "'{0}' has no static method '{1}' of double parameters returning double to be the derivative of",
        "[DerivativeOf(typeof(T), nameof(T.F))] names a static double function F of double parameters.");

    public static readonly DiagnosticDescriptor DerivativeTooLarge = Error(
        "SD2010", Differentiation,
        "Derivative code too large",
        "'{0}{1}' was not generated: its code would exceed {2} expression nodes{3}. Ask for fewer modes in [Differentiable(Modes = ...)], or simplify '{4}': each if/else that reassigns a variable multiplies the paths that derivatives must cover.",
        "A generated method whose code outgrows the generator's budget is left out rather than emitted: a method of hundreds of thousands of lines takes minutes to compile and can overflow the stack when it runs.");

    public static readonly DiagnosticDescriptor CustomDerivativeOfBuiltInFunction = Error(
        "SD2011", Differentiation,
        "Custom derivative of a function with a built-in rule",
        "'{0}' is differentiated by SymDiff's own rule, which a [DerivativeOf] does not replace; remove this attribute (to change its value at a kink, wrap the call in a function of your own and give that one a [DerivativeOf])",
        "The Math functions SymDiff differentiates itself (Sin, Exp, Pow, Max, ...) keep their rules and conventions (docs/conventions.md); a custom derivative is used for functions without one, Math functions included (FusedMultiplyAdd, Hypot, ...).");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "SD2999", Differentiation,
        "SymDiff generator failed",
        "SymDiff could not generate the gradient of '{0}': {1}. This is a bug in SymDiff; please report it with the method's source.",
        "An unexpected failure inside the generator is reported here instead of stopping the build; the method gets no generated code.");

    public static readonly DiagnosticDescriptor OptimizationApplied = new(
        "SD3001",
        "Optimization applied",
        "{0}: {1}: {2}",
        Remarks,
        DiagnosticSeverity.Info,
        isEnabledByDefault: false,
        description: "A remark, as LLVM's -Rpass gives: an optimization the generator applied to a generated method, and where. Off by default; turn it on with 'dotnet_diagnostic.SD3001.severity = suggestion' in .editorconfig to see which loops were taped, fused, interchanged or strength-reduced.",
        helpLinkUri: HelpLink("SD3001"));

    private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> ByIdTable = typeof(DiagnosticDescriptors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => f.GetValue(null))
        .OfType<DiagnosticDescriptor>()
        .ToDictionary(d => d.Id);

    /// <summary>The descriptor of <paramref name="id"/> (a <see cref="DiagnosticInfo"/> carries only the ID).</summary>
    public static DiagnosticDescriptor ById(string id) => ByIdTable[id];

    private static DiagnosticDescriptor Error(string id, string category, string title, string message, string description)
        => new(
            id,
            title,
            message,
            category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id));

    /// <summary><c>{RepositoryUrl}/blob/main/docs/diagnostics.md#sd2001</c>: the ID's section, from the repository URL set once in Directory.Build.props.</summary>
    public static string HelpLink(string id) => RepositoryUrl + "/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant();

    private static string RepositoryUrl => typeof(DiagnosticDescriptors).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryUrl")
        .Value!
        .TrimEnd('/');
}
