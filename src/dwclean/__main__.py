from dwclean.cli import main

main()
