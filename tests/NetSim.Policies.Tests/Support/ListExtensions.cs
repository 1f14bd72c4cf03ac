namespace NetSim.Policies.Tests.Support;

/// <summary>Keeps what a factory builds, so a test can look at it after the run.</summary>
internal static class ListExtensions
{
    public static T AddAndReturn<T>(this List<T> list, T item)
    {
        list.Add(item);
        return item;
    }
}
