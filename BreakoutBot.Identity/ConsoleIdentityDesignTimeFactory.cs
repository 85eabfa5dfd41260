using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BreakoutBot.Identity;

/// <summary>For <c>dotnet ef migrations add</c> only: no database is contacted to build the model.</summary>
public sealed class ConsoleIdentityDesignTimeFactory : IDesignTimeDbContextFactory<ConsoleIdentityDbContext>
{
    public ConsoleIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ConsoleIdentityDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time_only", ConsoleIdentityDbContext.ConfigureNpgsql)
            .Options);
}
