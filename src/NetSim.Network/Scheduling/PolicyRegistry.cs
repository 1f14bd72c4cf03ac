using NetSim.Network.Policies;

namespace NetSim.Network.Scheduling;

/// <summary>
/// Policies by name. A registry is an ordinary object (no global state): the command line builds
/// one from this project's policies and those of the policy and learning projects.
/// </summary>
public sealed class PolicyRegistry
{
    private readonly SortedDictionary<string, (string Description, PolicyInputs Takes, Func<PolicyContext, IPolicy> Factory)> _entries = new(StringComparer.Ordinal);

    /// <summary>A registry holding the policies this project ships: <c>local</c> and <c>nearest</c>.</summary>
    public static PolicyRegistry WithBuiltIns()
    {
        var registry = new PolicyRegistry();
        registry.Register("local", "every task on its own device", PolicyInputs.None, _ => new LocalPolicy());
        registry.Register("nearest", "every task to the edge server of the nearest base station", PolicyInputs.None, _ => new NearestPolicy());
        return registry;
    }

    /// <summary>Registered names, sorted.</summary>
    public IEnumerable<string> Names => _entries.Keys;

    /// <summary>One-line description of a registered policy.</summary>
    public string Describe(string name) => _entries[name].Description;

    /// <summary>What the registered policy <paramref name="name"/> takes from the scenario's <c>policy:</c> block.</summary>
    public PolicyInputs Takes(string name) => _entries[name].Takes;

    /// <summary>Adds a policy that takes <paramref name="takes"/>; a name may be registered once.</summary>
    public void Register(string name, string description, PolicyInputs takes, Func<PolicyContext, IPolicy> factory)
    {
        ArgumentNullException.ThrowIfNull(takes);
        if (!_entries.TryAdd(name, (description, takes, factory)))
        {
            throw new ArgumentException($"policy '{name}' is registered twice", nameof(name));
        }
    }

    /// <summary>True when <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => _entries.ContainsKey(name);

    /// <summary>
    /// Builds the policy named in <paramref name="context"/>; throws a <see cref="PolicyException"/>
    /// when the context holds an option or a checkpoint that the policy does not take.
    /// </summary>
    public IPolicy Create(PolicyContext context)
    {
        if (!_entries.TryGetValue(context.Name, out var entry))
        {
            throw new KeyNotFoundException($"unknown policy '{context.Name}' (known: {string.Join(", ", _entries.Keys)})");
        }

        context.Check(entry.Takes);
        return entry.Factory(context);
    }
}
