using NetSim.Learning.Agents;

namespace NetSim.Learning.Training;

/// <summary>
/// Keeps the agent's state with the best validation return (<see cref="ValidationPlan"/>): after
/// every <see cref="ValidationPlan.Every"/>-th episode and after the last, the agent is validated on
/// held-out worlds and, when it does better than every state before, its state is copied; at the
/// end <see cref="Restore"/> puts the best state back. A resumed training chooses among the states
/// it validated itself.
/// </summary>
public sealed class CheckpointSelection(Trainer trainer, ILearningAgent agent)
{
    private byte[]? _best;

    /// <summary>The episode (numbered as in the episodes table) after which the best state was validated, or -1 before any validation.</summary>
    public int BestEpisode { get; private set; } = -1;

    /// <summary>The best mean validation return so far (negative infinity before any).</summary>
    public double BestReturn { get; private set; } = double.NegativeInfinity;

    /// <summary>The last validation's mean return (NaN before any).</summary>
    public double LastReturn { get; private set; } = double.NaN;

    /// <summary>The episode of the last validation (-1 before any).</summary>
    public int LastEpisode { get; private set; } = -1;

    /// <summary>Validations run.</summary>
    public int Validations { get; private set; }

    /// <summary>Validates after the episode just run when due (or when <paramref name="last"/>); returns the mean return, or NaN when none was due.</summary>
    public double AfterEpisode(bool last)
    {
        var plan = agent.Validation;
        if (plan.Every == 0 || (trainer.Episode % plan.Every != 0 && !last) || LastEpisode == trainer.Episode - 1)
        {
            return double.NaN;
        }

        var value = trainer.Validate(plan.Seeds);
        Validations++;
        LastReturn = value;
        LastEpisode = trainer.Episode - 1;
        if (value > BestReturn)
        {
            BestReturn = value;
            BestEpisode = trainer.Episode - 1;
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                agent.Save(writer);
            }

            _best = stream.ToArray();
        }

        return value;
    }

    /// <summary>Loads the best state into the agent; false when nothing was validated.</summary>
    public bool Restore()
    {
        if (_best is null)
        {
            return false;
        }

        using var reader = new BinaryReader(new MemoryStream(_best));
        agent.Load(reader);
        return true;
    }
}
