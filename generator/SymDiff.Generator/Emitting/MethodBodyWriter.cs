namespace SymDiff.Generator.Emitting;

/// <summary>Writes a generated method's body: its locals region by region, then its outputs and return.</summary>
internal static partial class MethodBodyWriter
{
    /// <param name="writer">Where to write.</param>
    /// <param name="model">The method's DAG.</param>
    /// <param name="outputTargets">Where each of <see cref="DerivativeGraphModel.Outputs"/> is written (<c>dx</c>, <c>hessian[3]</c>).</param>
    /// <param name="reservedNames">Names the method's own parameters use, which locals must avoid.</param>
    /// <param name="scale">When set, outputs are accumulated as <c>target += scale * output</c> (a pullback).</param>
    /// <param name="buffers">For each vector parameter, its gradient buffer, which the body overwrites: element adjoints are added into it.</param>
    /// <param name="spans">The vectors and buffers that are spans, with their types: loops read and write them through slices (see <see cref="ElementSlices"/>).</param>
    public static void Write(SourceWriter text, DerivativeGraphModel model, IReadOnlyList<string> outputTargets, IEnumerable<string> reservedNames, string? scale = null, IReadOnlyList<(string Vector, string Buffer)>? buffers = null, IReadOnlyDictionary<string, string>? spans = null)
    {
        var writer = new BlockBuilder();
        var reserved = reservedNames.ToList();
        Lower(writer, model, outputTargets, reserved, scale, buffers, spans);
        var outside = reserved.Concat(model.Parameters).Concat(outputTargets).Concat(buffers?.Select(b => b.Buffer) ?? Array.Empty<string>()).Concat(spans?.Keys ?? Enumerable.Empty<string>());
        DeclarationCheck.Run(writer.Root, scale is null ? outside : outside.Append(scale));
        Printing.ProgramPrinter.Print(text, writer.Root);
    }

    private static void Lower(BlockBuilder writer, DerivativeGraphModel model, IReadOnlyList<string> outputTargets, IEnumerable<string> reservedNames, string? scale, IReadOnlyList<(string Vector, string Buffer)>? buffers, IReadOnlyDictionary<string, string>? spans)
    {
        var reserved = reservedNames.ToList();
        var plan = new EmissionPlan(model, reserved);
        var parameters = new HashSet<string>(model.Parameters.Select(p => p.TrimStart('@')));
        var written = new Dictionary<string, Code>();
        var expressions = new CSharpExpressionWriter(plan, written);
        buffers ??= Array.Empty<(string, string)>();
        var fillers = buffers.Count == 0 ? new Dictionary<string, int>() : BufferFilling.Fillers(plan);
        Func<IntExpr, bool> isInvariant = value => value.ReadsOnly(parameters);
        var context = new Context(plan, expressions, reserved, buffers.ToDictionary(b => b.Vector, b => b.Buffer), fillers, new Dictionary<int, IReadOnlyList<string>>(), null, null, Array.Empty<LoopModel>(), isInvariant)
        {
            TablesByLoop = new Dictionary<int, InvariantTables>(),
            Inductions = spans is null ? InductionVariables.None : InductionVariables.Root(spans, parameters.Contains),
        };
        foreach (var (vector, buffer) in buffers)
        {
            if (fillers.TryGetValue(vector, out var filler))
            {
                var loop = model.Loops[(int)model.Nodes[filler].Payload];
                ClearUnfilledSlots(writer, loop, SlidingWrite.Of(loop.Fused!, loop.FusedElements, vector, loop.Index)!, buffer);
            }
            else
            {
                writer.Line(Zeroing.Statement(buffer));
            }
        }

        WriteRegion(writer, context, Region.Root);
        for (var i = 0; i < model.ElementOutputs.Count; i += 2)
        {
            WriteElementAdjoint(writer, context, ElementTarget(context, model, model.ElementOutputs[i]), model.ElementOutputs[i + 1]);
        }

        for (var i = 0; i < outputTargets.Count; i++)
        {
            var output = expressions.WriteCode(model.Outputs[i]);
            var target = Code.Plain(outputTargets[i]);
            if (scale is null)
            {
                writer.Store(target, output);
            }
            else
            {
                writer.Accumulate(target, Code.Plain(scale) + " * " + (IsSimple(output.Text) ? output : "(" + output + ")"));
            }
        }

        var values = model.Values.Select(expressions.WriteCode).ToList();
        if (values.Count > 0)
        {
            writer.Add(new Return(values.Count == 1 ? values[0] : "(" + Code.Join(", ", values) + ")"));
        }
    }

    private static bool IsSimple(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '@');

    /// <summary>What the statements of one DAG are written with.</summary>
    /// <param name="Fillers">For buffers that are not cleared beforehand, the fused loop (a node of this DAG) that fills each.</param>
    /// <param name="Recorded">Forward loops (nodes of this DAG) not run again: their results, as recorded by the enclosing loop's forward pass.</param>
    /// <param name="Hoisted">Inside a loop of the method's top level: where the tapes of the loops nested in it are rented once for all its iterations.</param>
    /// <param name="Tables">Inside a loop of the method's top level: the math calls computed once before it (see <see cref="InvariantTables"/>).</param>
    /// <param name="Enclosing">The loops nested in the top-level one that enclose this DAG, outermost first.</param>
    /// <param name="IsInvariant">Whether an int value reads only the method's parameters (and literals), which no statement assigns.</param>
    private sealed record Context(EmissionPlan Plan, CSharpExpressionWriter Expressions, IReadOnlyList<string> Reserved, IReadOnlyDictionary<string, string> Buffers, IReadOnlyDictionary<string, int> Fillers, IReadOnlyDictionary<int, IReadOnlyList<string>> Recorded, HoistedTapes? Hoisted, InvariantTables? Tables, IReadOnlyList<LoopModel> Enclosing, Func<IntExpr, bool> IsInvariant)
    {
        /// <summary>In the method's own DAG: the tables of each top-level forward loop, shared with its backward sweeps.</summary>
        public Dictionary<int, InvariantTables>? TablesByLoop { get; init; }

        /// <summary>Forward loops of this DAG that record, on each iteration, their inner loops' results for the enclosing loop (see <see cref="DeepRecording"/>).</summary>
        public IReadOnlyDictionary<int, DeepSlots> DeepRecords { get; init; } = NoDeepSlots;

        /// <summary>Forward loops of this DAG, not run, whose backward sweeps read their inner loops' results from the enclosing loop's record.</summary>
        public IReadOnlyDictionary<int, DeepSlots> DeepReads { get; init; } = NoDeepSlots;

        /// <summary>Inside a loop body: the values of loops nested two levels down that this body tabulates (see <see cref="HoistedValues"/>).</summary>
        public HoistedValues? Values { get; init; }

        /// <summary>The <see cref="Values"/> of the body around this one.</summary>
        public HoistedValues? EnclosingValues { get; init; }

        /// <summary>In the body of a backward sweep: where its inner loops' sweeps sum element adjoints per index (see <see cref="AdjointTables"/>).</summary>
        public AdjointTables? Accumulators { get; init; }

        /// <summary>In the body of a backward sweep: where the sweeps of its inner sums are deferred to, to run interchanged after it (see <see cref="InterchangedSweeps"/>).</summary>
        public InterchangedSweeps? Interchange { get; init; }

        /// <summary>Whether this body's loop runs on every iteration of the body around it (it is not inside a conditional there).</summary>
        public bool Unconditional { get; init; }

        /// <summary>The running locals that index elements in the loops enclosing this DAG.</summary>
        public InductionVariables Inductions { get; init; } = InductionVariables.None;

        /// <summary>Every name in scope at this DAG's statements, for a nested loop body to avoid.</summary>
        public IEnumerable<string> NamesInScope => Reserved.Concat(Plan.Names.Where(n => n is not null)!).Concat(Plan.AllLoopStates).Concat(Plan.Model.Parameters)!;
    }

    /// <summary><c>y[i]</c>: the slot an element or store node names.</summary>
    private static Code ElementSlot(Context context, int id)
    {
        var (vector, index) = context.Plan.Model.ElementParts(id);
        return context.Inductions.ElementCode(vector, index);
    }

    /// <summary><c>dx[i + 1]</c>: the gradient buffer slot of an element read.</summary>
    private static Code ElementTarget(Context context, DerivativeGraphModel model, int element)
    {
        var (vector, index) = model.ElementParts(element);
        return context.Inductions.ElementCode(context.Buffers[vector], index);
    }

    private static void WriteRegion(BlockBuilder writer, Context context, Region region)
    {
        var plan = context.Plan;
        var expressions = context.Expressions;
        foreach (var id in plan.LocalsIn(region))
        {
            var node = plan.Model.Nodes[id];
            if (node.Operation is Operation.Loop or Operation.LoopAdjoint && !plan.IsNested)
            {
                WriteTopLevelLoop(writer, context, id);
                continue;
            }

            if (node.Operation == Operation.Loop)
            {
                WriteForwardLoop(writer, context, id);
                continue;
            }

            if (node.Operation == Operation.LoopAdjoint)
            {
                WriteBackwardLoop(writer, context, id);
                continue;
            }

            if (node.Operation == Operation.Store)
            {
                writer.Store(ElementSlot(context, id), expressions.WriteCode(node.Operand0));
                continue;
            }

            var type = plan.IsBoolean(id) ? "bool" : plan.Model.Scalar;
            var name = plan.Names[id];
            if (node.Operation == Operation.CallGradient)
            {
                foreach (var statement in expressions.CallStatements(id))
                {
                    writer.Add(statement);
                }

                continue;
            }

            if (!plan.IsStructured[id])
            {
                var definition = expressions.DefinitionCode(id);
                if (plan.IsDeclaredAhead(id))
                {
                    writer.Store(Code.Name(name!), definition);
                }
                else
                {
                    writer.Let(type, name!, definition);
                }

                continue;
            }

            // Values its branches share with a later conditional on the same condition are declared here.
            foreach (var shared in plan.LocalsIn(plan.Branch(id, true)).Concat(plan.LocalsIn(plan.Branch(id, false))).Where(plan.IsDeclaredAhead))
            {
                var boolean = plan.IsBoolean(shared);
                writer.Let(boolean ? "bool" : plan.Model.Scalar, plan.Names[shared]!, Code.Verbatim(boolean ? "false" : CSharpExpressionWriter.Literal(0.0, plan.Model.Scalar)));
            }

            if (!plan.IsDeclaredAhead(id))
            {
                writer.Let(type, name!, (string?)null);
            }
            writer.OpenIf(expressions.WriteCode(node.Operand0));
            WriteRegion(writer, context, plan.Branch(id, true));
            writer.Store(Code.Name(name!), expressions.WriteCode(node.Operand1));
            writer.Close();
            writer.OpenElse();
            WriteRegion(writer, context, plan.Branch(id, false));
            writer.Store(Code.Name(name!), expressions.WriteCode(node.Operand2));
            writer.Close();
        }
    }

    private static readonly IReadOnlyDictionary<int, IReadOnlyList<string>> NothingRecorded = new Dictionary<int, IReadOnlyList<string>>();

    private static readonly IReadOnlyDictionary<int, DeepSlots> NoDeepSlots = new Dictionary<int, DeepSlots>();

    /// <summary>Writes the locals of a body of <paramref name="loop"/> with a plan of its own; returns the expressions of <paramref name="results"/>.</summary>
    /// <param name="deepRecords">Loops of the body that record their inner loops' results for this loop's backward sweeps.</param>
    /// <param name="deepReads">Loops of the body, not run, whose sweeps read their inner loops' results from such a record.</param>
    /// <param name="inductions">The running locals that index elements in this body (see <see cref="InductionVariables"/>).</param>
    /// <param name="unconditional">Whether the loop runs on every iteration of the body around it.</param>
    /// <param name="accumulators">For a backward sweep's body: where its inner loops' sweeps sum element adjoints.</param>
    /// <param name="kept">For a forward body: the nodes its loop's tape of kept values records, each given a local.</param>
    /// <param name="keptReads">For a backward body: the nodes read from that tape instead of computed, and where.</param>
    /// <param name="keepTables">For a forward body: keep its tables for every iteration of <paramref name="loop"/> (see <see cref="IterationTables"/>).</param>
    /// <param name="keptTables">For a backward body: the tables an earlier loop over the same range kept, read instead of filled.</param>
    private static List<Code> WriteNested(BlockBuilder writer, Context outer, LoopModel loop, DerivativeGraphModel body, string prefix, IEnumerable<int> results, InductionVariables inductions, bool unconditional, IReadOnlyDictionary<int, IReadOnlyList<string>> recorded, out Context nested, IReadOnlyDictionary<int, DeepSlots>? deepRecords = null, IReadOnlyDictionary<int, DeepSlots>? deepReads = null, AdjointTables? accumulators = null, InterchangedSweeps? interchange = null, Func<Code, Code?>? hoist = null, ICollection<int>? kept = null, IReadOnlyDictionary<int, Code>? keptReads = null, bool keepTables = false, IReadOnlyDictionary<string, IterationTables.Table>? keptTables = null)
    {
        var reserved = outer.NamesInScope.ToList();
        var enclosing = outer.Plan.IsNested ? outer.Enclosing.Concat(new[] { loop }).ToList() : (IReadOnlyList<LoopModel>)Array.Empty<LoopModel>();
        var tables = outer.Tables;

        // Values of this loop that do not change with the loop around it are tabulated by the body around that one;
        // this loop's own values that its inner loops tabulate too read the same tables.
        var hoisting = unconditional && outer.Unconditional && enclosing.Count >= 2 ? outer.EnclosingValues : null;
        var around = hoisting is null ? null : enclosing[enclosing.Count - 2];
        var sharing = unconditional ? outer.Values : null;
        // Reads that the loop around this body does not change may be hoisted out of it (see WriteInterchangedSweep).
        var always = hoist is null ? null : LoopNests.Unconditional(body);

        // Which of them each node read from elsewhere is read from, decided once.
        var readFrom = new Dictionary<int, Func<EmissionPlan, CSharpExpressionWriter, int, Code>>();
        bool ReadsInstead(EmissionPlan p, int id)
        {
            if (keptReads is not null && keptReads.TryGetValue(id, out var slot))
            {
                readFrom[id] = (q, w, n) => slot;
            }
            else if (tables?.Qualifies(p, id, enclosing) == true)
            {
                readFrom[id] = (q, w, n) => tables.Read(q, w, n, enclosing, inductions);
            }
            else if (hoisting?.Qualifies(p, id, around!, loop) == true)
            {
                readFrom[id] = (q, w, n) => hoisting.Read(q, w, n, around!, loop);
            }
            else if (sharing?.QualifiesOuter(p, id, loop) == true)
            {
                readFrom[id] = (q, w, n) => sharing.ReadOuter(q, w, n, loop);
            }
            else if (always?[id] == true && body.Nodes[id].Operation == Operation.Element)
            {
                var (vector, index) = body.ElementParts(id);
                readFrom[id] = (q, w, n) => inductions.ElementCode(vector, index);
            }

            if (hoist is not null && readFrom.TryGetValue(id, out var read))
            {
                readFrom[id] = (q, w, n) => read(q, w, n) is var code && hoist(code) is { } local ? local : code;
            }

            return readFrom.ContainsKey(id);
        }

        var readsNothing = tables is null && hoisting is null && sharing is null && hoist is null && keptReads is not { Count: > 0 };
        var plan = new EmissionPlan(body, reserved, prefix, recorded.Keys.ToList(), readsNothing ? null : ReadsInstead, kept, keptReads?.Keys.ToList());
        CSharpExpressionWriter? expressions = null;
        Code? Replacement(int id) => plan.ReadInstead.Contains(id) ? readFrom[id](plan, expressions!, id) : null;
        expressions = new CSharpExpressionWriter(plan, outer.Expressions.Written, plan.ReadInstead.Count == 0 ? null : Replacement, inductions.ElementCode);
        var values = outer.Hoisted is { } rentals && plan.IsNested
            ? new HoistedValues(rentals, prefix + "values")
            {
                Scope = inductions,
                KeepEach = keepTables ? IterationTables.Of(loop) : null,
                ReadKept = keptTables is { Count: > 0 } ? (IterationTables.Of(loop), keptTables) : null,
            }
            : null;
        nested = new Context(plan, expressions, reserved, outer.Buffers, new Dictionary<string, int>(), recorded, outer.Hoisted, tables, enclosing, outer.IsInvariant)
        {
            Inductions = inductions,
            DeepRecords = deepRecords ?? NoDeepSlots,
            DeepReads = deepReads ?? NoDeepSlots,
            Values = values,
            EnclosingValues = outer.Values,
            Unconditional = unconditional,
            Accumulators = accumulators,
            Interchange = interchange,
        };
        var start = writer.Placeholder();
        WriteRegion(writer, nested, Region.Root);
        if (values?.TakeFills() is { Count: > 0 } fills)
        {
            start.Prepend(fills);
        }

        return results.Select(expressions.WriteCode).ToList();
    }

    /// <summary>Whether loop node <paramref name="id"/> runs whenever its DAG does: it is not inside a conditional.</summary>
    private static bool IsUnconditional(Context context, int id) => ReferenceEquals(context.Plan.Regions[id], Region.Root);

    /// <summary>Ends a loop's body: its running index locals advance, and are declared before its header.</summary>
    private static void CloseLoop(BlockBuilder writer, Block header, InductionVariables inductions, bool blankLine = true)
    {
        var steps = inductions.Steps().ToList();
        if (steps.Count > 0)
        {
            writer.Open(Code.Verbatim("unchecked"));
            foreach (var step in steps)
            {
                writer.Line(step);
            }

            writer.Close();
        }

        writer.Close();
        if (blankLine)
        {
            writer.Line();
        }

        header.Prepend(inductions.Declarations());
    }

    /// <summary>The indices of the elements a body reads or writes.</summary>
    private static IEnumerable<IntExpr> Indices(DerivativeGraphModel body)
        => Enumerable.Range(0, body.Nodes.Count)
            .Where(id => body.Nodes[id].Operation is Operation.Element or Operation.Store)
            .Select(id => body.ElementParts(id).Index);

    /// <summary>
    /// <c>dx[i] += a;</c>. An adjoint that is zero unless a condition holds (<c>c ? a : 0</c>: the element is read in
    /// one branch only) is added only when it holds: the index may be out of range where the source does not read it.
    /// A sum of such terms (the element read under two conditions) is added term by term, each under its own.
    /// </summary>
    private static void WriteElementAdjoint(BlockBuilder writer, Context context, Code target, int adjoint)
    {
        var plan = context.Plan;
        var model = plan.Model;
        var nodes = model.Nodes;
        bool IsInline(int id) => !plan.IsStructured[id] && plan.Names[id] is null;

        // The terms of the adjoint, through sums computed inline: split only when one of them is guarded.
        List<int> Terms(int id)
        {
            var terms = new List<int>();
            void Collect(int at)
            {
                if (nodes[at].Operation == Operation.Add && IsInline(at))
                {
                    Collect(nodes[at].Operand0);
                    Collect(nodes[at].Operand1);
                }
                else
                {
                    terms.Add(at);
                }
            }

            Collect(id);
            return terms.Any(model.IsGuarded) ? terms : new List<int> { id };
        }

        void AddTerms(int sum, IReadOnlyList<Code> outer)
        {
            foreach (var term in Terms(sum))
            {
                var guards = outer.ToList();
                var value = term;
                while (model.IsGuarded(value))
                {
                    var node = nodes[value];
                    var condition = context.Expressions.WriteCode(node.Operand0);
                    guards.Add(model.IsZero(node.Operand2) ? condition : "!(" + condition + ")");

                    // A conditional computed in an if, or kept in a local, is read whole; its inner conditions are its own.
                    if (!IsInline(value))
                    {
                        break;
                    }

                    value = model.IsZero(node.Operand2) ? node.Operand1 : node.Operand2;
                }

                // A guarded sum of guarded terms (a strong zero around the terms of two reads) is split again.
                if (value != term && IsInline(value) && Terms(value).Count > 1)
                {
                    AddTerms(value, guards);
                    continue;
                }

                var added = context.Expressions.WriteCode(value);
                if (guards.Count == 0)
                {
                    writer.Accumulate(target, added);
                    continue;
                }

                writer.OpenIf(guards.Count == 1 ? guards[0] : Code.Join(" && ", guards.Select(g => "(" + g + ")")));
                writer.Accumulate(target, added);
                writer.Close();
            }
        }

        AddTerms(adjoint, Array.Empty<Code>());
    }

    /// <summary>Assigns new values to locals all at once: through temporaries when there are several.</summary>
    private static void Assign(BlockBuilder writer, IReadOnlyList<string> targets, IReadOnlyList<Code> values, string prefix)
    {
        if (targets.Count == 1)
        {
            if (targets[0] != values[0].Text)
            {
                writer.Store(Code.Name(targets[0]), values[0]);
            }

            return;
        }

        for (var k = 0; k < targets.Count; k++)
        {
            writer.Let("double", prefix + k, values[k]);
        }

        for (var k = 0; k < targets.Count; k++)
        {
            writer.Store(Code.Name(targets[k]), Code.Name(prefix + k));
        }
    }

    /// <summary>Whether a backward body's output (a captured value's adjoint) is the constant 0: its accumulator then gets nothing added.</summary>
    private static bool IsZero(DerivativeGraphModel body, int output)
    {
        var node = body.Nodes[body.Outputs[output]];
        return node.IsConstant && node.Constant == 0.0;
    }

    /// <summary>Whether a body reads its parameter <paramref name="parameter"/>.</summary>
    private static bool Reads(DerivativeGraphModel body, int parameter)
        => body.Nodes.Any(n => n.Operation == Operation.Parameter && n.ParameterIndex == parameter);

    /// <summary>Whether any of <paramref name="roots"/> depends on parameter <paramref name="parameter"/> of <paramref name="body"/>.</summary>
    private static bool ReadsFrom(DerivativeGraphModel body, IEnumerable<int> roots, int parameter)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(roots);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id))
            {
                continue;
            }

            var node = body.Nodes[id];
            if (node.Operation == Operation.Parameter && node.ParameterIndex == parameter)
            {
                return true;
            }

            for (var i = 0; i < node.Arity; i++)
            {
                stack.Push(node.Operand(i));
            }
        }

        return false;
    }

    /// <summary>Whether result <paramref name="result"/> of backward loop node <paramref name="sweep"/> is read.</summary>
    private static bool IsRead(DerivativeGraphModel model, int sweep, int result)
        => model.Nodes.Any(n => n.Operation == Operation.LoopResult && n.Operand0 == sweep && n.Payload == result);
}
