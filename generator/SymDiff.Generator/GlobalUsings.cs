// The namespaces nearly every file reads. Roslyn's stay per file: only Parsing/ (and the pipeline's entry) may use them.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using SymDiff.Generator.Ir;
global using SymDiff.Generator.Lowering;
global using SymDiff.Generator.Model;
