namespace NetSim.Learning.Training;

/// <summary>
/// Experience replay: a ring of joint transitions (observations, actions, rewards, next
/// observations, done) stored as flat float rows; the oldest is overwritten when full. Sampling
/// draws from <see cref="AgentRandom"/>, and the contents are saved with checkpoints.
/// </summary>
public sealed class ReplayBuffer
{
    private readonly float[] _data;
    private int _next;

    /// <summary>A buffer of <paramref name="capacity"/> transitions of the given sizes.</summary>
    public ReplayBuffer(int capacity, int observation, int action, int rewards)
    {
        Capacity = capacity;
        Observation = observation;
        Action = action;
        Rewards = rewards;
        Width = (2 * observation) + action + rewards + 1;
        _data = new float[(long)capacity * Width];
    }

    /// <summary>Transitions the buffer holds at most.</summary>
    public int Capacity { get; }

    /// <summary>Transitions held.</summary>
    public int Count { get; private set; }

    /// <summary>Floats of the joint observation.</summary>
    public int Observation { get; }

    /// <summary>Floats of the joint action.</summary>
    public int Action { get; }

    /// <summary>Rewards (one per agent).</summary>
    public int Rewards { get; }

    /// <summary>Floats per transition.</summary>
    public int Width { get; }

    /// <summary>Adds a transition.</summary>
    public void Add(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, ReadOnlySpan<float> rewards, ReadOnlySpan<float> next, bool done)
    {
        var row = _data.AsSpan(_next * Width, Width);
        observation.CopyTo(row);
        action.CopyTo(row[Observation..]);
        rewards.CopyTo(row[(Observation + Action)..]);
        next.CopyTo(row[(Observation + Action + Rewards)..]);
        row[Width - 1] = done ? 1 : 0;
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>Copies <paramref name="size"/> transitions drawn uniformly with replacement into <paramref name="rows"/>.</summary>
    public void Sample(AgentRandom random, int size, float[] rows)
    {
        for (var i = 0; i < size; i++)
        {
            var j = random.Next(Count);
            _data.AsSpan(j * Width, Width).CopyTo(rows.AsSpan(i * Width, Width));
        }
    }

    /// <summary>Writes the held transitions and the ring position.</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(Count);
        writer.Write(_next);
        var span = _data.AsSpan(0, Count * Width);
        foreach (var v in span)
        {
            writer.Write(v);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public void Load(BinaryReader reader)
    {
        Count = reader.ReadInt32();
        _next = reader.ReadInt32();
        if (Count > Capacity || _next >= Capacity)
        {
            throw new InvalidDataException($"checkpoint replay memory of {Count} transitions does not fit a capacity of {Capacity}");
        }

        for (var i = 0; i < Count * Width; i++)
        {
            _data[i] = reader.ReadSingle();
        }
    }
}
