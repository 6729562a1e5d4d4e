// The `vigil` command.
int main() { return 0; }
