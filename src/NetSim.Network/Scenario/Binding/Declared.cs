using System.Collections.Concurrent;
using System.Reflection;
using NetSim.Network.Scenario.Yaml;

namespace NetSim.Network.Scenario.Binding;

/// <summary>The declared keys of config classes, in declaration order, and what kind of value each holds.</summary>
public static class Declared
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<DeclaredKey>> Cache = new();

    /// <summary>The keys of <paramref name="type"/> (empty for a type that is not a section).</summary>
    public static IReadOnlyList<DeclaredKey> KeysOf(Type type) => Cache.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => (Property: p, Param: p.GetCustomAttribute<ParamAttribute>()))
        .Where(x => x.Param is not null)
        .OrderBy(x => x.Property.MetadataToken)
        .Select(x => new DeclaredKey(x.Param!.Name ?? Naming.Snake(x.Property.Name), x.Property, x.Param!))
        .ToList());

    /// <summary>True for config section classes (bound from mappings key by key).</summary>
    public static bool IsSection(Type type) => type.IsClass && type != typeof(string) && KeysOf(type).Count > 0;

    /// <summary>The item type of a <c>List&lt;T&gt;</c>, or null.</summary>
    public static Type? ItemType(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>True for free-form mappings (policy options, sweep parameters), kept as located nodes.</summary>
    public static bool IsFreeMap(Type type) => type == typeof(Dictionary<string, Node>);

    /// <summary>Every key path below <paramref name="type"/>, list entries written as <c>name[]</c>, depth first.</summary>
    public static IEnumerable<(string Path, DeclaredKey Key)> Walk(Type type, string prefix = "")
    {
        foreach (var key in KeysOf(type))
        {
            var path = prefix + key.Name;
            yield return (path, key);
            var nested = IsSection(key.Type) ? key.Type : ItemType(key.Type) is { } item && IsSection(item) ? item : null;
            if (nested is null)
            {
                continue;
            }

            foreach (var child in Walk(nested, nested == key.Type ? path + "." : path + "[]."))
            {
                yield return child;
            }
        }
    }
}
