using System.Reflection;
using System.Reflection.Emit;
using GanNotes.Tensors;

namespace GanNotes.Tests.Architecture;

/// <summary>
/// The library's layers, read from the compiled assembly: a namespace may use its own types and
/// those of the layers before it in <see cref="Layers"/>, never one after it. Every type a type
/// mentions counts: base types, interfaces, fields, signatures, attributes, and every type,
/// method and field its method bodies use (lambdas and async state machines included).
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Bottom to top: each layer builds on the ones before it.</summary>
    private static readonly string[] Layers =
    [
        "GanNotes.IO",      // atomic file writes
        "GanNotes.Tensors", // tensors, autograd, kernels, random numbers
        "GanNotes.Nn",      // modules, losses
        "GanNotes.Optim",   // optimizers
        "GanNotes.Theory",  // the paper's maths on densities
        "GanNotes.Data",    // datasets, IDX and .npy files, toy distributions
        "GanNotes.Plots",   // figures and PNGs from plain data
        "GanNotes.Gan",     // G, D, Algorithm 1, runs and checkpoints
        "GanNotes.Evaluation", // scores of a trained G: coverage, a classifier's Fréchet distance, Parzen likelihood
        "GanNotes.Reports", // a run's figures and sample files: Gan's results drawn with Plots
        "GanNotes.Exercises", // the course's exercises: right answers, known mistakes, the checks the notebooks call
    ];

    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

    static LayeringTests()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            if (code.Size == 1)
            {
                OneByte[code.Value & 0xFF] = code;
            }
            else
            {
                TwoByte[code.Value & 0xFF] = code;
            }
        }
    }

    [Fact]
    public void Library_EveryNamespaceUsesOnlyItsOwnLayerAndThoseBelow()
    {
        var violations = Violations(typeof(Tensor).Assembly);

        Assert.True(violations.Count == 0, "References that run up the layers:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Library_EveryNamespaceIsALayer()
    {
        var namespaces = typeof(Tensor).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("GanNotes", StringComparison.Ordinal) == true)
            .Select(t => LayerOf(t.Namespace!))
            .Distinct()
            .ToList();

        Assert.DoesNotContain(-1, namespaces);
    }

    [Fact]
    public void Library_OnlyTensorsReachesTheKernelsAndTheTape()
    {
        var found = ReachesPastTheOps(typeof(Tensor).Assembly);

        Assert.True(found.Count == 0, "Reaches past the ops:\n" + string.Join('\n', found));
    }

    /// <summary>Every other layer goes through Tensor's ops, so that a new device serves them all.</summary>
    internal static List<string> ReachesPastTheOps(Assembly assembly)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(t => t.Namespace is { } ns && !ns.StartsWith("GanNotes.Tensors", StringComparison.Ordinal)))
        {
            foreach (var used in UsedTypes(type).Where(u => u.Namespace?.StartsWith("GanNotes.Tensors.Backend", StringComparison.Ordinal) == true))
            {
                found.Add($"{Outermost(type).FullName} -> {used.FullName}");
            }
            foreach (var member in Members(type).Where(IsTensorsInternal))
            {
                found.Add($"{Outermost(type).FullName} -> {member.DeclaringType!.Name}.{member.Name}");
            }
        }
        return [.. found];
    }

    [Fact]
    public void Violations_AReferenceUpTheLayers_IsFound()
    {
        // The check itself must be able to fail: this test assembly's Plots-layer type below uses Gan.
        var violations = Violations(typeof(LayeringTests).Assembly)
            .Where(v => v.StartsWith("GanNotes.Plots.", StringComparison.Ordinal))
            .ToList();

        Assert.Contains("GanNotes.Plots.UpwardReferenceFixture -> GanNotes.Gan.GanRecipe", violations);
    }

    /// <summary>Autograd's tape and a tensor's kernels: for the Tensors layer's own ops only.</summary>
    private static bool IsTensorsInternal(MemberInfo member) =>
        (member.DeclaringType?.FullName == typeof(Autograd).FullName && member.Name == "Record")
        || (member.DeclaringType?.FullName == typeof(Tensor).FullName && member.Name == "get_Kernels");

    private static IEnumerable<MemberInfo> Members(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)).SelectMany(BodyMembers);
    }

    internal static List<string> Violations(Assembly assembly)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            int own = type.Namespace is { } ns ? LayerOf(ns) : -1;
            if (own < 0)
            {
                continue;
            }
            foreach (var used in UsedTypes(type))
            {
                if (used.Namespace is { } usedNamespace && LayerOf(usedNamespace) > own)
                {
                    found.Add($"{Outermost(type).FullName} -> {Outermost(used).FullName}");
                }
            }
        }
        return [.. found];
    }

    private static int LayerOf(string ns) =>
        Array.FindIndex(Layers, layer => ns == layer || ns.StartsWith(layer + ".", StringComparison.Ordinal));

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        direct.AddRange(type.GetFields(All).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        direct.AddRange(type.GetEvents(All).Select(e => e.EventHandlerType));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            direct.AddRange(BodyTypes(method));
        }
        return direct.OfType<Type>().SelectMany(Expand);
    }

    /// <summary>A type with its generic arguments, element types and declaring types.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
            {
                yield return inner;
            }
            yield break;
        }
        if (type.IsGenericParameter)
        {
            yield break;
        }
        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }

    /// <summary>The types, and declaring types of the methods and fields, that a method body's IL uses.</summary>
    private static IEnumerable<Type> BodyTypes(MethodBase method) =>
        BodyMembers(method).Select(m => m as Type ?? m.DeclaringType).OfType<Type>();

    /// <summary>The types, methods and fields a method body's IL uses.</summary>
    private static IEnumerable<MemberInfo> BodyMembers(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            il = null;
        }
        if (il is null)
        {
            yield break;
        }
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int at = 0;
        while (at < il.Length)
        {
            var code = il[at] == 0xFE ? TwoByte[il[++at]] : OneByte[il[at]];
            at++;
            switch (code.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    MemberInfo? used = null;
                    try
                    {
                        used = module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        // a member of a generic instantiation the open arguments cannot resolve: its type is seen elsewhere
                    }
                    if (used is not null)
                    {
                        yield return used;
                    }
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
