from dukcli.cli.main import main

main()
