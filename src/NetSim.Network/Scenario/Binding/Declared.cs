using System.Collections.Concurrent;
using System.Reflection;

namespace NetSim.Network.Scenario.Binding;

/// <summary>The declared keys of a config class: YAML name, property and declaration, in declaration order.</summary>
public static class Declared
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Key>> Cache = new();

    /// <summary>The keys of <paramref name="type"/>.</summary>
    public static IReadOnlyList<Key> KeysOf(Type type) => Cache.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => (Property: p, Param: p.GetCustomAttribute<ParamAttribute>()))
        .Where(x => x.Param is not null)
        .OrderBy(x => x.Property.MetadataToken)
        .Select(x => new Key(Naming.Snake(x.Property.Name), x.Property, x.Param!))
        .ToList());

    /// <summary>True for config section classes (bound from mappings key by key).</summary>
    public static bool IsSection(Type type) => type.IsClass && type != typeof(string) && KeysOf(type).Count > 0;

    /// <summary>One declared key.</summary>
    /// <param name="Name">YAML name.</param>
    /// <param name="Property">The property.</param>
    /// <param name="Param">The declaration.</param>
    public sealed record Key(string Name, PropertyInfo Property, ParamAttribute Param);
}
