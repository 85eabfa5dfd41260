using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BreakoutBot.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting a service. The connection string is
/// never opened when generating migrations.
/// </summary>
internal sealed class DesignTimeTradingDbContextFactory : IDesignTimeDbContextFactory<TradingDbContext>
{
    public TradingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TradingDbContext>()
            .UseNpgsql("Host=localhost;Database=breakoutdb")
            .Options;
        return new TradingDbContext(options);
    }
}
