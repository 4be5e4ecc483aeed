from rasid.cli.main import main

main()
