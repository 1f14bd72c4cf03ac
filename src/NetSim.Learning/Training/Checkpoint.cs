using NetSim.Learning.Agents;

namespace NetSim.Learning.Training;

/// <summary>
/// A training checkpoint: a header (format, agent, scenario hash, encodings, hyperparameters,
/// root seed, next episode) and the agent's state (networks, optimisers, replay memory, random
/// state). Written to a temporary file and renamed over the target, so a reader never sees half a file.
/// </summary>
public static class Checkpoint
{
    private const string Magic = "NETSIM-CHECKPOINT";
    private const int Format = 1;

    /// <summary>Writes <paramref name="agent"/> and the header atomically to <paramref name="path"/>.</summary>
    public static void Save(string path, ILearningAgent agent, CheckpointHeader header)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var stream = File.Create(temp))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(Format);
            writer.Write(header.Agent);
            writer.Write(header.ScenarioSha256);
            writer.Write(header.Encoding);
            writer.Write(header.Hyperparameters);
            writer.Write(header.RootSeed);
            writer.Write(header.NextEpisode);
            agent.Save(writer);
        }

        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Reads the header of <paramref name="path"/>.</summary>
    public static CheckpointHeader ReadHeader(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        return ReadHeader(reader, path);
    }

    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="agent"/> after checking that it was
    /// trained by the same agent for the same encodings (and, when <paramref name="scenarioSha256"/>
    /// is given, on the same scenario); otherwise throws saying what differs.
    /// </summary>
    public static CheckpointHeader Load(string path, ILearningAgent agent, string? scenarioSha256 = null)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var header = ReadHeader(reader, path);
        var differences = new List<string>();
        if (header.Agent != agent.Name)
        {
            differences.Add($"it was trained by agent '{header.Agent}', not '{agent.Name}'");
        }

        if (header.Encoding != agent.Encoding)
        {
            differences.Add($"its encodings are '{header.Encoding}' but this scenario needs '{agent.Encoding}'");
        }

        if (scenarioSha256 is not null && header.ScenarioSha256 != scenarioSha256)
        {
            differences.Add($"it was trained on scenario {Short(header.ScenarioSha256)}, not on this one ({Short(scenarioSha256)})");
        }

        if (differences.Count > 0)
        {
            throw new InvalidDataException($"checkpoint {path} does not fit: {string.Join("; ", differences)}");
        }

        agent.Load(reader);
        return header;
    }

    private static CheckpointHeader ReadHeader(BinaryReader reader, string path)
    {
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException($"{path} is not a NetSim checkpoint");
            }

            var format = reader.ReadInt32();
            if (format != Format)
            {
                throw new InvalidDataException($"{path}: checkpoint format {format}, this NetSim reads format {Format}");
            }

            return new CheckpointHeader(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadUInt64(), reader.ReadInt32());
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path} is not a NetSim checkpoint (it ends early)");
        }
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
