namespace NetSim.Network.Scenario.Units;

/// <summary>One unit name of a kind and its factor to the kind's SI unit.</summary>
/// <param name="Symbol">How the unit is written, case-sensitively (<c>MHz</c>, <c>KB</c>, <c>dBm</c>).</param>
/// <param name="Factor">SI value of one unit (for example 8000 bits for <c>KB</c>); unused for logarithmic units.</param>
/// <param name="Listed">False for alternative spellings (<c>kB</c> beside <c>KB</c>) that messages do not list.</param>
/// <param name="Logarithmic">True for <c>dBm</c> and <c>dBW</c>: the SI value is <c>Factor * 10^(x/10)</c>.</param>
public sealed record UnitSymbol(string Symbol, double Factor, bool Listed = true, bool Logarithmic = false);
