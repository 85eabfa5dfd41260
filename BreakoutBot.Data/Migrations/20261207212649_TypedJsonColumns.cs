using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BreakoutBot.Data.Migrations
{
    /// <summary>
    /// No change to the schema: a position's take-profit ladder and entry plan became typed properties
    /// (<c>Targets</c>, <c>EntryPlan</c>) that EF converts to the same <c>jsonb</c> columns, in the same JSON the executor
    /// wrote by hand before, so stored rows read unchanged. Only the model snapshot's property names move.
    /// </summary>
    public partial class TypedJsonColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
