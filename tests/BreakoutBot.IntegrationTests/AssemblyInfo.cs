// One running application serves every test, and tests stop, kill, restart and start its engine and restart its
// scanner: run them one at a time so no test sees another's engine state or a service in the middle of a restart.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
