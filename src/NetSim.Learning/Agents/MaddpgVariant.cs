namespace NetSim.Learning.Agents;

/// <summary>Which of Wang, Li and Wang's DDPG schemes an agent is.</summary>
public enum MaddpgVariant
{
    /// <summary><c>maddpg-mato</c>: centralised critics over every device's observation and action; model-aware.</summary>
    ModelAware,

    /// <summary><c>maddpg-nomodel</c>: centralised critics; no cache or compatibility inputs (an edge still downloads a missing model).</summary>
    NoModel,

    /// <summary><c>ddpg</c> (SADDPG): each device's critic sees only its own observation and action; model-aware.</summary>
    Independent,
}
