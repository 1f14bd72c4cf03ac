namespace NetSim.Traces;

/// <summary>What to do when the output file already exists.</summary>
public enum OpenMode
{
    /// <summary>Add new runs, with new run ids, to an existing NetSim database.</summary>
    Append,

    /// <summary>Refuse an existing file with a message that says how to proceed.</summary>
    Refuse,

    /// <summary>Delete the existing file and start afresh.</summary>
    Overwrite,
}
