from uddprog.cli import main

main()
