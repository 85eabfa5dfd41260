namespace BreakoutBot.Domain.Trading;

/// <summary>Where orders go. Configured once, as <c>Trading:Mode</c>, for the whole application.</summary>
public enum TradingMode
{
    /// <summary>The exchange simulator generates a deterministic synthetic market and fills orders itself.</summary>
    Sim,

    /// <summary>The exchange simulator relays real Bybit market data and fills orders locally against it.</summary>
    Paper,

    /// <summary>Bybit's testnet, with testnet API keys.</summary>
    Testnet,

    /// <summary>Bybit's demo-trading environment, with demo API keys.</summary>
    Demo,

    /// <summary>Real money on Bybit mainnet.</summary>
    Live,
}
